// The goals of issue 14 for dropin, each judged against another contender measured in the same
// run: the floor of its runtime (node-minimal), nginx, and direct. Never a timed test: a goal is
// a verdict on one run's figures, printed with the figure.
import { ABORT_WITHIN_MS, type AbortBurst } from './abort-burst.ts';
import { pointAt, rowFor } from './compare.ts';
import { floorRatio, floorValue, type FloorRow } from './floor.ts';
import type { HoldResult } from './hold-streams.ts';
import type { ContenderResult, Goal, RatioRow } from './results.ts';

export const GOAL_LIMITS = {
  /** dropin's c=64 throughput over node-minimal's */
  throughputVsNodeMinimal: 0.8,
  /** dropin's CPU per request at c=64 over node-minimal's */
  cpuVsNodeMinimal: 1.3,
  /** dropin-bun's c=64 throughput over nginx's (1 worker) */
  bunThroughputVsNginx: 0.6,
  /** dropin's RSS per held stream over node-minimal's */
  rssPerStreamVsNodeMinimal: 1.2,
} as const;

export interface GoalInput {
  contenders: readonly ContenderResult[];
  ratios: readonly RatioRow[];
  floor: readonly FloorRow[];
  holds: readonly HoldResult[];
}

export function judgeGoals(i: GoalInput): Goal[] {
  const get = (name: string) => i.contenders.find((c) => c.name === name);
  const holdOf = (name: string) => i.holds.find((h) => (h.contender ?? 'dropin') === name);
  return [
    throughputVsNodeMinimal(i.floor),
    cpuVsNodeMinimal(i.floor),
    bunVsNginx(get('dropin-bun'), i.floor),
    rssPerStream(holdOf('dropin'), holdOf('node-minimal')),
    abortsWithinLimit(holdOf('dropin'), holdOf('node-minimal')),
    coalescing(get('dropin'), get('direct')),
    addedTtft(i.ratios),
  ];
}

function throughputVsNodeMinimal(floor: readonly FloorRow[]): Goal {
  const min = GOAL_LIMITS.throughputVsNodeMinimal;
  const id = 'throughput-c64-vs-node-minimal';
  const title = `throughput at c=64 >= ${min}x node-minimal's (log and metrics on)`;
  const r = floorRatio(floor, 'dropin', 'node-minimal', 64, 'requestsPerSec');
  if (r === null) return missing(id, title, 'needs dropin and node-minimal at c=64');
  const d = floorValue(floor, 'dropin', 64, 'requestsPerSec')!;
  const n = floorValue(floor, 'node-minimal', 64, 'requestsPerSec')!;
  return verdict(id, title, r >= min, `dropin ${fmt(d, 0)} req/s = ${times(r)} node-minimal's ${fmt(n, 0)}`);
}

function cpuVsNodeMinimal(floor: readonly FloorRow[]): Goal {
  const max = GOAL_LIMITS.cpuVsNodeMinimal;
  const id = 'cpu-per-request-c64-vs-node-minimal';
  const title = `CPU per request at c=64 <= ${max}x node-minimal's`;
  const r = floorRatio(floor, 'dropin', 'node-minimal', 64, 'cpuUsPerRequest');
  if (r === null) return missing(id, title, 'needs a CPU sample of dropin and node-minimal at c=64');
  const d = floorValue(floor, 'dropin', 64, 'cpuUsPerRequest')!;
  const n = floorValue(floor, 'node-minimal', 64, 'cpuUsPerRequest')!;
  return verdict(id, title, r <= max, `dropin ${fmt(d, 0)} µs/request = ${times(r)} node-minimal's ${fmt(n, 0)} µs`);
}

function bunVsNginx(bun: ContenderResult | undefined, floor: readonly FloorRow[]): Goal {
  const min = GOAL_LIMITS.bunThroughputVsNginx;
  const id = 'dropin-bun-throughput-c64-vs-nginx';
  const title = `dropin on Bun: throughput at c=64 >= ${min}x nginx's (1 worker)`;
  // a dropin-bun that cannot serve is a goal not met, not a goal without figures
  if (bun?.error) return verdict(id, title, false, `dropin-bun ${bun.error}`);
  const r = floorRatio(floor, 'dropin-bun', 'nginx', 64, 'requestsPerSec');
  if (r === null) return missing(id, title, 'needs dropin-bun and nginx at c=64');
  const b = floorValue(floor, 'dropin-bun', 64, 'requestsPerSec')!;
  const n = floorValue(floor, 'nginx', 64, 'requestsPerSec')!;
  return verdict(id, title, r >= min, `dropin-bun ${fmt(b, 0)} req/s = ${times(r)} nginx's ${fmt(n, 0)}`);
}

function rssPerStream(dropin: HoldResult | undefined, floor: HoldResult | undefined): Goal {
  const max = GOAL_LIMITS.rssPerStreamVsNodeMinimal;
  const id = 'rss-per-held-stream-vs-node-minimal';
  const title = `RSS per held stream <= ${max}x node-minimal's (fresh proxies)`;
  const d = dropin?.rssPerStreamKb;
  const n = floor?.rssPerStreamKb;
  if (!dropin || !floor || d == null || n == null || n <= 0) return missing(id, title, 'needs the hold test through dropin and node-minimal');
  const all = dropin.opened === dropin.streams && floor.opened === floor.streams;
  const open = all ? '' : `; only ${dropin.opened} of ${dropin.streams} (dropin) and ${floor.opened} of ${floor.streams} (node-minimal) opened`;
  const rss = (h: HoldResult) => `${fmt(h.rssIdleMb, 0)} -> ${fmt(h.rssPeakMb, 0)} MB`;
  return verdict(id, title, all && d / n <= max, `dropin ${fmt(d, 0)} KB = ${times(d / n)} node-minimal's ${fmt(n, 0)} KB (${rss(dropin)} vs ${rss(floor)})${open}`);
}

function abortsWithinLimit(dropin: HoldResult | undefined, floor: HoldResult | undefined): Goal {
  const id = 'aborts-within-1s';
  const title = `every simultaneous client abort reaches the upstream within ${ABORT_WITHIN_MS / 1000} s`;
  const a = dropin?.aborts;
  if (!a) return missing(id, title, 'needs the hold test through dropin with the numbered upstream');
  const beside = floor?.aborts ? `; node-minimal: ${abortFigures(floor.aborts)}` : '';
  return verdict(id, title, a.aborted > 0 && a.withinLimit === a.aborted, `dropin: ${abortFigures(a)}${beside}`);
}

/** "67 of 1000 within 1 s (p50 1600 ms, max 2300 ms)" */
export function abortFigures(a: AbortBurst): string {
  const unseen = a.aborted - a.seen;
  const late = unseen > 0 ? `, ${unseen} not seen in ${fmt(a.waitedMs / 1000, 1)} s` : '';
  const delays = a.delayP50Ms === null ? 'no close seen' : `p50 ${fmt(a.delayP50Ms, 0)} ms, max ${fmt(a.delayMaxMs ?? 0, 0)} ms`;
  return `${a.withinLimit} of ${a.aborted} within ${ABORT_WITHIN_MS / 1000} s (${delays}${late})`;
}

/**
 * A proxy that batches merges most events; a client that stalls for a moment merges a few on any
 * path. So dropin passes when its share of merged events stays within one point of direct's.
 */
function coalescing(dropin: ContenderResult | undefined, direct: ContenderResult | undefined): Goal {
  const id = 'no-coalescing';
  const title = "streams: no coalescing (events merged into one read, within 1 point of direct's share)";
  if (!dropin?.stream.length || !direct?.stream.length) return missing(id, title, 'needs streams through direct and dropin');
  const share = (coalesced: number, events: number) => (events === 0 ? 0 : coalesced / events);
  const worse = dropin.stream.filter((s) => {
    const d = pointAt(direct.stream, s.concurrency);
    return share(s.coalesced, s.events) > share(d?.coalesced ?? 0, d?.events ?? 0) + 0.01;
  });
  const pct = (coalesced: number, events: number) => `${(100 * share(coalesced, events)).toFixed(1)}%`;
  const counts = dropin.stream
    .map((s) => {
      const d = pointAt(direct.stream, s.concurrency);
      return `c=${s.concurrency} ${pct(s.coalesced, s.events)} vs ${pct(d?.coalesced ?? 0, d?.events ?? 0)}`;
    })
    .join(', ');
  return verdict(id, title, worse.length === 0, `dropin vs direct ${counts}`);
}

function addedTtft(ratios: readonly RatioRow[]): Goal {
  const id = 'added-ttft-c1';
  const title = "added TTFT at c=1 within 1 ms of nginx's";
  const d = rowFor({ ratios }, 'dropin', 1)?.addedTtftP50Ms ?? null;
  const n = rowFor({ ratios }, 'nginx', 1)?.addedTtftP50Ms ?? null;
  if (d === null || n === null) return missing(id, title, 'needs streams through direct, nginx and dropin at c=1');
  return verdict(id, title, d - n <= 1, `dropin adds ${fmt(d, 3)} ms, nginx adds ${fmt(n, 3)} ms`);
}

function verdict(id: string, title: string, met: boolean, measured: string): Goal {
  return { id, title, status: met ? 'pass' : 'fail', measured };
}

function missing(id: string, title: string, why: string): Goal {
  return { id, title, status: 'missing', measured: why };
}

/** How a goal's status reads on the terminal and in the chart. */
export const STATUS_WORDS = { pass: 'met', fail: 'not met', missing: 'missing' } as const;

export function fmt(value: number, digits: number): string {
  return value.toFixed(digits);
}

function times(value: number): string {
  return `${value.toFixed(2)}x`;
}
