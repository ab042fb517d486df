// The time junit.xml gives each test case: a share of the run's wall time, so that test cases add
// up to their suite and suites add up to the run, as CI tools sum them. Requests run concurrently
// (and targets too), so a check cannot simply be given its exchanges' time: their sum is larger
// than the run. Each exchange's time is split among the checks drawn from it, and the whole is
// scaled to the run's duration, in whole milliseconds.
import type { CheckResult, RunResult, TargetResult } from '../types.ts';

export interface JunitTimes {
  check: Map<CheckResult, number>;
  /** the setup test case of a target that could not run or was skipped */
  setup: Map<TargetResult, number>;
}

export function junitTimes(run: RunResult): JunitTimes {
  const items: Array<{ key: CheckResult | TargetResult; setup: boolean; weight: number }> = [];
  for (const t of run.targets) {
    if (t.error || t.skipped) items.push({ key: t, setup: true, weight: t.durationMs });
    const citing = new Map<string, number>();
    for (const c of t.checks) for (const id of c.exchanges) citing.set(id, (citing.get(id) ?? 0) + 1);
    const ms = new Map(t.exchanges.map((x) => [x.id, x.timing.totalMs]));
    for (const c of t.checks) {
      items.push({ key: c, setup: false, weight: c.exchanges.reduce((sum, id) => sum + (ms.get(id) ?? 0) / citing.get(id)!, 0) });
    }
  }
  const shares = apportion(Math.round(run.durationMs), items.map((i) => i.weight));
  const times: JunitTimes = { check: new Map(), setup: new Map() };
  items.forEach((item, i) => {
    if (item.setup) times.setup.set(item.key as TargetResult, shares[i]);
    else times.check.set(item.key as CheckResult, shares[i]);
  });
  return times;
}

/** `total` split in whole units in proportion to `weights` (equally when all are 0), summing exactly to `total`. */
export function apportion(total: number, weights: number[]): number[] {
  if (weights.length === 0) return [];
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum > 0 ? (total * w) / sum : total / weights.length));
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of byRemainder) {
    if (left <= 0) break;
    out[i] += 1;
    left -= 1;
  }
  return out;
}
