// What the generic profile costs: the proxy's CPU time per streamed chunk on the raw
// pass-through (dropin, profile openai) and on the normalising path (dropin-generic: every
// payload parsed, checked, repaired where needed and re-framed), and the difference, at each
// concurrency both were measured at. The chunks counted are every event the proxy relayed during
// the point: the timed streams' plus each client's untimed first stream. Both figures include the
// stream's own request (routing, upstream call) spread over its chunks, so the difference is
// what the normalising path adds per chunk.
import type { ChunkCpu } from './chunk-cpu.ts';
import type { ContenderResult, StreamPoint } from './results.ts';

export interface GenericCost {
  /** from the stream points of dropin and dropin-generic */
  endToEnd: GenericCostRow[];
  /** the same work measured in process, without sockets or a shared machine's noise */
  inProcess: ChunkCpu;
}

export interface GenericCostRow {
  concurrency: number;
  /** µs of proxy CPU per chunk, raw pass-through */
  rawUs: number;
  /** µs of proxy CPU per chunk, generic profile */
  genericUs: number;
  /** genericUs - rawUs */
  addedUs: number;
}

export function genericCost(contenders: readonly ContenderResult[]): GenericCostRow[] {
  const raw = contenders.find((c) => c.name === 'dropin');
  const generic = contenders.find((c) => c.name === 'dropin-generic');
  if (!raw || !generic) return [];
  return raw.stream.flatMap((r) => {
    const g = generic.stream.find((p) => p.concurrency === r.concurrency);
    const rawUs = g && cpuPerChunkUs(r);
    const genericUs = g && cpuPerChunkUs(g);
    if (rawUs == null || genericUs == null) return [];
    return [{ concurrency: r.concurrency, rawUs, genericUs, addedUs: genericUs - rawUs }];
  });
}

/** /proc counts CPU time in 10 ms ticks: below 20 of them a per-chunk figure is mostly rounding. */
const MIN_CPU_SECONDS = 0.2;

/** CPU µs per relayed event, or null without a CPU sample long enough to divide, or a completed stream. */
export function cpuPerChunkUs(point: StreamPoint): number | null {
  const good = point.streams - point.failed;
  if (!point.proc || point.proc.cpuSeconds < MIN_CPU_SECONDS || good <= 0 || point.events <= 0) return null;
  const untimed = point.concurrency * (point.events / good);
  return (point.proc.cpuSeconds * 1e6) / (point.events + untimed);
}
