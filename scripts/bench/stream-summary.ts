// Reduces the timed streams of one point to the figures the bench reports.
import { percentile } from './stats.ts';
import { coalescedCount } from './sse-timing.ts';
import type { StreamRecord } from './stream-client.ts';

export interface StreamLoad {
  streams: number;
  /** streams that were not 200, broke off, or ended without [DONE] */
  failed: number;
  statuses: Record<string, number>;
  ttftP50Ms: number | null;
  ttftP99Ms: number | null;
  /** upstream send -> client arrival of each event */
  chunkLatencyP50Ms: number | null;
  chunkLatencyP99Ms: number | null;
  totalP50Ms: number | null;
  totalP99Ms: number | null;
  events: number;
  /** events that arrived in the same read as the one before them */
  coalesced: number;
}

export function summarizeStreams(records: readonly StreamRecord[]): StreamLoad {
  const good = records.filter((r) => r.status === 200 && r.done && !r.error && r.events.length > 0);
  const statuses: Record<string, number> = {};
  for (const r of records) statuses[String(r.status)] = (statuses[String(r.status)] ?? 0) + 1;
  const ttft = good.map((r) => (r.events[0].arrivalUs - r.startUs) / 1000);
  const total = good.map((r) => (r.endUs - r.startUs) / 1000);
  const transit = good.flatMap((r) => r.events.flatMap((e) => (e.sentUs === null ? [] : [(e.arrivalUs - e.sentUs) / 1000])));
  return {
    streams: records.length,
    failed: records.length - good.length,
    statuses,
    ttftP50Ms: percentile(ttft, 50),
    ttftP99Ms: percentile(ttft, 99),
    chunkLatencyP50Ms: percentile(transit, 50),
    chunkLatencyP99Ms: percentile(transit, 99),
    totalP50Ms: percentile(total, 50),
    totalP99Ms: percentile(total, 99),
    events: good.reduce((n, r) => n + r.events.length, 0),
    coalesced: good.reduce((n, r) => n + coalescedCount(r.events), 0),
  };
}
