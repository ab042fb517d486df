// results.json: the RunResult itself, pretty-printed, plus fields derived from it so a reader
// needs no rules of its own: the outcome and headline, the targets that went untested, each
// capability's grade and each target's problems grouped across scenarios. Its shape is a public
// contract, documented in docs/results-format.md.
import type { Capability, CapabilitySummary, RunResult, TargetResult } from '../types.ts';
import { cellGrade, checkGrade, type Grade } from './grade.ts';
import { groupChecks } from './group.ts';
import { notTested, runOutcome, runVerdict } from './outcome.ts';

/** One row of a target's problems: identical check results (fail, warn, error) across scenarios. */
export interface ProblemGroup {
  id: string;
  level: string;
  status: string;
  grade: Grade;
  message?: string;
  expected?: string;
  scenarios: string[];
  /** indexes into the target's `checks` */
  checks: number[];
}

function problemGroups(run: RunResult, target: TargetResult): ProblemGroup[] {
  return groupChecks(target.checks)
    .filter((g) => g.first.status === 'fail' || g.first.status === 'warn' || g.first.status === 'error')
    .map(({ first, checks, scenarios }) => ({
      id: first.id,
      level: first.level,
      status: first.status,
      grade: checkGrade(first, run.options.failOn),
      ...(first.message !== undefined ? { message: first.message } : {}),
      ...(first.expected !== undefined ? { expected: first.expected } : {}),
      scenarios,
      checks: checks.map((c) => target.checks.indexOf(c)),
    }));
}

function graded(run: RunResult, target: TargetResult): Record<Capability, CapabilitySummary & { grade: Grade }> {
  const entries = Object.entries(target.capabilities).map(([cap, s]) => [cap, { ...s, grade: cellGrade(s, run.options.failOn) }]);
  return Object.fromEntries(entries);
}

export function renderResultsJson(run: RunResult): string {
  const verdict = runVerdict(run);
  const targets = run.targets.map((t) => ({ ...t, capabilities: graded(run, t), problemGroups: problemGroups(run, t) }));
  const derived = { outcome: runOutcome(run), headline: verdict.text, notTested: notTested(run) };
  return `${JSON.stringify({ ...run, formatVersion: 1, targets, ...derived }, null, 2)}\n`;
}
