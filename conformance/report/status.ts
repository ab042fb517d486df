// What every report reads the same way: the capabilities a run covered, a capability's summary
// for a target, and a behaviour check's pass rate. Grades and the headline are in grade.ts and
// outcome.ts.
import type { CapabilitySummary, Capability, CheckResult, RunResult, TargetResult } from '../types.ts';
import { CAPABILITIES } from '../types.ts';

/** The capabilities the run covered, in catalogue order (`only: []` means all of them). */
export function runCapabilities(run: RunResult): Capability[] {
  const only = run.options.only;
  return CAPABILITIES.filter((c) => only.length === 0 || only.includes(c));
}

/** An absent summary (capability not run for this target) reads as all-skipped. */
export function summaryOf(target: TargetResult, capability: Capability): CapabilitySummary {
  return (
    target.capabilities[capability] ?? {
      status: 'skip',
      counts: { pass: 0, fail: 0, warn: 0, skip: 0, error: 0 },
      failedByLevel: { MUST: 0, SHOULD: 0, MAY: 0 },
    }
  );
}

/** "2/3 (pass^3 ✗)" for behaviour checks; undefined for protocol checks. */
export function passRateText(check: CheckResult): string | undefined {
  const r = check.repeat;
  if (!r) return undefined;
  return `${r.passed}/${r.runs} (pass^${r.runs} ${r.passAll ? '✓' : '✗'})`;
}
