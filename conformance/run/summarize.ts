// Rolls check results up into the targets x capabilities matrix and decides the exit code.
import { CAPABILITIES, type Capability, type CapabilitySummary, type CheckResult, type Level, type Status, type TargetResult } from '../types.ts';

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

/**
 * 2 when a target could not be run or a check errored, else 1 on failures at the fail-on level
 * (or stale baseline entries), else 0.
 */
export function exitCodeFor(targets: TargetResult[], failOn: FailOn, staleBaseline: string[] = []): 0 | 1 | 2 {
  if (targets.some((t) => t.error)) return 2;
  if (staleBaseline.length > 0 || targets.some((t) => t.checks.some((c) => isFailure(c, failOn)))) return 1;
  if (targets.some((t) => t.checks.some((c) => c.status === 'error'))) return 2;
  return 0;
}
