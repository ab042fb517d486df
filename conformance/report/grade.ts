// Grades as a reader needs them: a failed MUST (an official client throws or loses data) is
// drawn differently from a failed SHOULD (a common client degrades), and --fail-on decides
// which of them fail the run. Every report and the terminal take their words from here.
import type { FailOn } from '../run/summarize.ts';
import type { CapabilitySummary, CheckResult, Level, Status, TargetResult } from '../types.ts';
import { summaryOf } from './status.ts';

/** `fail`: fails the run at the fail-on level (or a MUST); `degraded`: SHOULD failures only. */
export type Grade = Status | 'degraded';

/** skip < pass < warn < degraded < error < fail: a cell shows its most serious finding. */
const RANK: Record<Grade, number> = { skip: 0, pass: 1, warn: 2, degraded: 3, error: 4, fail: 5 };

export const GRADE_WORD: Record<Grade, string> = { pass: 'PASS', fail: 'FAIL', degraded: 'DEGRADED', warn: 'WARN', skip: 'SKIP', error: 'ERROR' };

/** What each grade means for a client, for legends. */
export const GRADE_MEANING: Record<Grade, string> = {
  fail: 'a MUST check failed: an official client throws or loses data',
  degraded: 'only SHOULD checks failed: a common client degrades',
  warn: 'advice (MAY) or a legal but hazardous feature',
  pass: 'every judged check passed',
  skip: 'not run, or cleanly unsupported',
  error: 'the harness or the network broke',
};

export function worstGrade(grades: Iterable<Grade>): Grade {
  let out: Grade = 'skip';
  for (const g of grades) if (RANK[g] > RANK[out]) out = g;
  return out;
}

/** One check: a failure below the fail-on level is `degraded` (SHOULD) or `warn` (MAY). */
export function checkGrade(check: CheckResult, failOn: FailOn): Grade {
  if (check.status !== 'fail') return check.status;
  if (check.level === 'MUST' || (failOn === 'should' && check.level === 'SHOULD')) return 'fail';
  return check.level === 'SHOULD' ? 'degraded' : 'warn';
}

export function cellGrade(summary: CapabilitySummary, failOn: FailOn): Grade {
  const failed = summary.failedByLevel;
  if (failed.MUST > 0 || (failOn === 'should' && failed.SHOULD > 0)) return 'fail';
  if (summary.counts.error > 0) return 'error';
  if (failed.SHOULD > 0) return 'degraded';
  return summary.status === 'fail' ? 'warn' : summary.status;
}

/** The level a failing or degraded cell owes its grade to: "FAIL (MUST)", "DEGRADED (SHOULD)". */
export function gradeLevel(summary: CapabilitySummary, grade: Grade): Level | undefined {
  if (grade === 'fail') return summary.failedByLevel.MUST > 0 ? 'MUST' : 'SHOULD';
  if (grade === 'degraded') return 'SHOULD';
  return undefined;
}

/** "FAIL (MUST)", "DEGRADED (SHOULD)", "PASS", … */
export function gradeLabel(summary: CapabilitySummary, failOn: FailOn): string {
  const grade = cellGrade(summary, failOn);
  const level = gradeLevel(summary, grade);
  return level ? `${GRADE_WORD[grade]} (${level})` : GRADE_WORD[grade];
}

export function targetGrade(target: TargetResult, failOn: FailOn): Grade {
  if (target.error) return 'error';
  if (target.skipped) return 'skip';
  return worstGrade(Object.keys(target.capabilities).map((c) => cellGrade(summaryOf(target, c as keyof TargetResult['capabilities']), failOn)));
}

/** Sort order for check lists: the most serious grade first; stable within a grade. */
export function byGrade(failOn: FailOn): (a: CheckResult, b: CheckResult) => number {
  return (a, b) => RANK[checkGrade(b, failOn)] - RANK[checkGrade(a, failOn)];
}
