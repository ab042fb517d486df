// Rolls check results up into the targets x capabilities matrix and decides the exit code.
import { CAPABILITIES, type Capability, type CapabilitySummary, type CheckResult, type Level, type RunResult, type Status, type TargetResult } from '../types.ts';

export type FailOn = 'must' | 'should' | 'never';

export function summarizeCapabilities(checks: CheckResult[]): Record<Capability, CapabilitySummary> {
  const out = {} as Record<Capability, CapabilitySummary>;
  for (const cap of CAPABILITIES) out[cap] = summarize(checks.filter((c) => c.capability === cap));
  return out;
}

function summarize(checks: CheckResult[]): CapabilitySummary {
  const counts: Record<Status, number> = { pass: 0, fail: 0, warn: 0, skip: 0, error: 0 };
  const failedByLevel: Record<Level, number> = { MUST: 0, SHOULD: 0, MAY: 0 };
  for (const c of checks) {
    counts[c.status] += 1;
    if (c.status === 'fail') failedByLevel[c.level] += 1;
  }
  return { status: cellStatus(counts, failedByLevel), counts, failedByLevel };
}

// A failed MAY is advice, shown as a warning; only MUST/SHOULD failures turn a cell red.
function cellStatus(counts: Record<Status, number>, failed: Record<Level, number>): Status {
  if (failed.MUST + failed.SHOULD > 0) return 'fail';
  if (counts.error > 0) return 'error';
  if (counts.warn > 0 || failed.MAY > 0) return 'warn';
  if (counts.pass > 0) return 'pass';
  return 'skip';
}

export function isFailure(check: CheckResult, failOn: FailOn): boolean {
  if (check.status !== 'fail' || check.expectedFailure || failOn === 'never') return false;
  return check.level === 'MUST' || (failOn === 'should' && check.level === 'SHOULD');
}

/** A verdict was reached on the endpoint: the check passed, failed or warned (not skipped, not errored). */
export const isJudged = (check: CheckResult) => check.status === 'pass' || check.status === 'fail' || check.status === 'warn';

/**
 * Why a target yielded no verdict at all, or undefined when it was tested. A target that could not
 * run (`error`) or whose checks errored is a harness problem, reported as such, not as untested.
 */
export function untestedReason(target: TargetResult): string | undefined {
  if (target.error) return undefined;
  if (target.skipped) return `skipped: ${target.skipped}`;
  if (target.checks.some((c) => isJudged(c) || c.status === 'error')) return undefined;
  if (target.checks.length === 0) return 'no check ran';
  const reasons = [...new Set(target.checks.map((c) => c.message).filter(Boolean))];
  const why = reasons.length === 1 ? `: ${reasons[0]}` : ' (the endpoint answered the features as unsupported, or they did not apply)';
  const all = target.checks.length === 1 ? 'its only check was skipped' : `all ${target.checks.length} were skipped`;
  return `no check could be judged: ${all}${why}`;
}

/**
 * 2 when a target could not be run, when no check was judged on any target, or when a target went
 * untested (skipped, or nothing judged) unless `allowSkipped`; else 1 on failures at the fail-on
 * level (or stale baseline entries); else 2 when a check errored; else 0.
 */
export function exitCodeFor(targets: TargetResult[], failOn: FailOn, staleBaseline: string[] = [], allowSkipped = false): 0 | 1 | 2 {
  if (targets.some((t) => t.error)) return 2;
  if (!targets.some((t) => t.checks.some(isJudged))) return 2;
  if (!allowSkipped && targets.some((t) => untestedReason(t))) return 2;
  if (staleBaseline.length > 0 || targets.some((t) => t.checks.some((c) => isFailure(c, failOn)))) return 1;
  if (targets.some((t) => t.checks.some((c) => c.status === 'error'))) return 2;
  return 0;
}

/** The exit code a run's own targets, options and stale baseline entries call for. */
export function exitCodeOf(run: Pick<RunResult, 'targets' | 'options' | 'staleBaseline'>): 0 | 1 | 2 {
  return exitCodeFor(run.targets, run.options.failOn, run.staleBaseline ?? [], run.options.allowSkipped ?? false);
}
