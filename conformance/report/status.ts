// How statuses are ranked, named and drawn in every report, so the four artefacts agree.
import type { CapabilitySummary, Capability, CheckResult, RunResult, Status, TargetResult } from '../types.ts';
import { CAPABILITIES } from '../types.ts';

/** Severity for "worst of": skip < pass < warn < fail < error (error = the harness broke). */
const RANK: Record<Status, number> = { skip: 0, pass: 1, warn: 2, fail: 3, error: 4 };

export const STATUS_SYMBOL: Record<Status, string> = {
  pass: '✅',
  fail: '❌',
  warn: '⚠️',
  skip: '⏭️',
  error: '💥',
};

export function worst(statuses: Iterable<Status>): Status {
  let result: Status = 'skip';
  for (const s of statuses) if (RANK[s] > RANK[result]) result = s;
  return result;
}

/** Problems first (error, fail, warn), then passes, then skips; stable within a status. */
export function bySeverity(a: CheckResult, b: CheckResult): number {
  return RANK[b.status] - RANK[a.status];
}

export function targetStatus(target: TargetResult): Status {
  if (target.error) return 'error';
  if (target.skipped) return 'skip';
  return worst(Object.values(target.capabilities).map((c) => c.status));
}

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
