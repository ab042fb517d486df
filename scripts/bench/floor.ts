// Each proxy against the floor of its runtime and against nginx, from the same run: throughput,
// the proxy's CPU time per answered request (from /proc, sampled during the point) and the
// latency it adds over direct, at every concurrency measured.
import { rowFor } from './compare.ts';
import type { ContenderName } from './contenders/contender.ts';
import type { ContenderResult, JsonPoint, RatioRow } from './results.ts';

export interface FloorRow {
  contender: ContenderName;
  concurrency: number;
  requestsPerSec: number;
  /** proxy CPU µs per answered request; null without a CPU sample long enough to divide */
  cpuUsPerRequest: number | null;
  /** p50 / p99 added over direct at the same concurrency, ms */
  addedP50Ms: number | null;
  addedP99Ms: number | null;
}

/** /proc counts CPU time in 10 ms ticks: below 20 of them a per-request figure is mostly rounding. */
const MIN_CPU_SECONDS = 0.2;

export function cpuUsPerRequest(p: JsonPoint): number | null {
  if (!p.proc || p.proc.cpuSeconds < MIN_CPU_SECONDS || p.ok <= 0) return null;
  return (p.proc.cpuSeconds * 1e6) / p.ok;
}

export function floorRows(contenders: readonly ContenderResult[], ratios: readonly RatioRow[]): FloorRow[] {
  return contenders
    .filter((c) => c.name !== 'direct')
    .flatMap((c) =>
      c.json.map((p) => {
        const r = rowFor({ ratios }, c.name, p.concurrency);
        return {
          contender: c.name,
          concurrency: p.concurrency,
          requestsPerSec: p.requestsPerSec,
          cpuUsPerRequest: cpuUsPerRequest(p),
          addedP50Ms: r?.addedLatencyP50Ms ?? null,
          addedP99Ms: r?.addedLatencyP99Ms ?? null,
        };
      }),
    );
}

export type FloorField = 'requestsPerSec' | 'cpuUsPerRequest' | 'addedP50Ms' | 'addedP99Ms';

/** a's figure over b's at one concurrency; null when either is missing or b's is not above zero. */
export function floorRatio(rows: readonly FloorRow[], a: ContenderName, b: ContenderName, concurrency: number, field: FloorField): number | null {
  const x = floorValue(rows, a, concurrency, field);
  const y = floorValue(rows, b, concurrency, field);
  return x === null || y === null || y <= 0 ? null : x / y;
}

export function floorValue(rows: readonly FloorRow[], contender: ContenderName, concurrency: number, field: FloorField): number | null {
  return rows.find((r) => r.contender === contender && r.concurrency === concurrency)?.[field] ?? null;
}
