// The run's outcome and its one-line headline, shared by every report and the terminal so they
// never disagree. The exit code decides; a run in which a target went untested is NOT TESTED
// (unless the user allowed skips and something else was tested), and a run that judged nothing
// is never passed.
import { isFailure, isJudged, untestedReason } from '../run/summarize.ts';
import type { RunResult, Status, TargetResult } from '../types.ts';

export type RunOutcome = 'passed' | 'failed' | 'not_tested' | 'error';

export interface NotTested {
  target: string;
  /** "skipped: GROQ_API_KEY is not set…", "no check could be judged: …" */
  reason: string;
}

/** `untested` draws a run that tested nothing (or not everything) apart from every other status. */
export type HeadlineStatus = Status | 'untested';

export interface RunVerdict {
  status: HeadlineStatus;
  /** one line, e.g. "FAILED — 2 of 3 targets not conformant (fail-on: must)" */
  text: string;
}

/** "NOT TESTED — groq was skipped: …" → the word a reader sees first, and what it is about. */
export function splitHeadline(text: string): { word: string; why?: string } {
  const cut = text.indexOf(' — ');
  return cut < 0 ? { word: text } : { word: text.slice(0, cut), why: text.slice(cut + 3) };
}

export function notTested(run: RunResult): NotTested[] {
  return run.targets.flatMap((t) => {
    const reason = untestedReason(t);
    return reason ? [{ target: t.name, reason }] : [];
  });
}

const judgedAny = (run: RunResult) => run.targets.some((t) => t.checks.some(isJudged));

/** Skipped targets are accepted: the user opted in and at least one check was judged. */
export const skipsAllowed = (run: RunResult) => run.options.allowSkipped === true && judgedAny(run);

/**
 * The exit code decides between passed, failed and error, except that an untested target (skips
 * not allowed) or a run that judged nothing is not_tested whatever exit code a caller computed.
 */
export function runOutcome(run: RunResult): RunOutcome {
  if (!run.targets.some((t) => t.error)) {
    if (notTested(run).length > 0 && !skipsAllowed(run)) return 'not_tested';
    const errored = run.targets.some((t) => t.checks.some((c) => c.status === 'error'));
    if (!judgedAny(run) && !errored) return 'not_tested';
  }
  if (run.exitCode === 0) return 'passed';
  return run.exitCode === 1 ? 'failed' : 'error';
}

/** "groq was skipped: GROQ_API_KEY is not set…", "spec: no check could be judged…" */
function untestedPhrase(n: NotTested): string {
  return n.reason.startsWith('skipped: ') ? `${n.target} was skipped: ${n.reason.slice(9)}` : `${n.target}: ${n.reason}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function failingTargets(run: RunResult): TargetResult[] {
  return run.targets.filter((t) => t.checks.some((c) => isFailure(c, run.options.failOn)));
}

function failedText(run: RunResult): string {
  const failing = failingTargets(run).length;
  if (failing === 0) return `${plural(run.staleBaseline?.length ?? 0, 'stale baseline entry')} (now passing: remove from the baseline)`;
  return `${failing} of ${plural(run.targets.length, 'target')} not conformant (fail-on: ${run.options.failOn})`;
}

/** What a passing run found below the fail-on level: "2 SHOULD failures, 1 warning". */
function findings(run: RunResult): string[] {
  const checks = run.targets.flatMap((t) => t.checks);
  const below = (level: string) => checks.filter((c) => c.status === 'fail' && !c.expectedFailure && c.level === level).length;
  const counts: Array<[number, string, string]> = [
    [below('MUST'), 'MUST failure', 'MUST failures'],
    [below('SHOULD'), 'SHOULD failure', 'SHOULD failures'],
    [below('MAY'), 'MAY failure', 'MAY failures'],
    [checks.filter((c) => c.status === 'warn').length, 'warning', 'warnings'],
    [checks.filter((c) => c.expectedFailure).length, 'failure expected by the baseline', 'failures expected by the baseline'],
  ];
  return counts.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
}

function withUntested(run: RunResult, text: string): string {
  const list = notTested(run);
  return list.length === 0 ? text : `${text}; not tested: ${list.map((n) => `${n.target} (${n.reason})`).join(', ')}`;
}

export function runVerdict(run: RunResult): RunVerdict {
  const total = run.targets.length;
  const outcome = runOutcome(run);
  if (outcome === 'not_tested') {
    const list = notTested(run);
    if (list.length === 0) return { status: 'untested', text: total === 0 ? 'NOT TESTED — no targets' : 'NOT TESTED — no check was judged' };
    const tested = total - list.length - run.targets.filter((t) => t.error).length;
    const count = tested > 0 ? ` (${tested} of ${plural(total, 'target')} tested)` : '';
    const also = failingTargets(run).length > 0 ? ` · also FAILED: ${failedText(run)}` : '';
    return { status: 'untested', text: `NOT TESTED — ${list.map(untestedPhrase).join('; ')}${count}${also}` };
  }
  if (outcome === 'failed') return { status: 'fail', text: withUntested(run, `FAILED — ${failedText(run)}`) };
  if (outcome === 'error') {
    const broken = run.targets.filter((t) => t.error || t.checks.some((c) => c.status === 'error')).length;
    return { status: 'error', text: withUntested(run, `INCOMPLETE — ${broken} of ${plural(total, 'target')} hit harness or network errors`) };
  }
  const untested = notTested(run);
  if (untested.length > 0) {
    const tested = total - untested.length;
    return { status: 'warn', text: withUntested(run, `PASSED — ${tested} of ${plural(total, 'target')} tested and conformant`) };
  }
  const found = findings(run);
  if (found.length > 0) return { status: 'warn', text: `PASSED — findings below the fail-on level (${run.options.failOn}): ${found.join(', ')}` };
  return { status: 'pass', text: `PASSED — ${total === 1 ? 'the target is' : `all ${total} targets are`} conformant` };
}
