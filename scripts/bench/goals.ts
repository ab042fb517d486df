// The goals for dropin, judged against nginx and direct from one run's figures.
import { pointAt, rowFor } from './compare.ts';
import type { HoldResult } from './hold-streams.ts';
import type { ContenderResult, Goal, RatioRow } from './results.ts';

const RSS_LIMIT_MB = 150;

export function judgeGoals(contenders: readonly ContenderResult[], ratios: RatioRow[], hold: HoldResult | null): Goal[] {
  const get = (name: string) => contenders.find((c) => c.name === name);
  const dropin = get('dropin');
  const nginx = get('nginx');
  const direct = get('direct');
  const rps = (c: ContenderResult | undefined, at: number) => (c ? pointAt(c.json, at)?.requestsPerSec : undefined);
  const goals: Goal[] = [];

  const share = (at: number, min: number, id: string, title: string) => {
    const d = rps(dropin, at);
    const n = rps(nginx, at);
    if (d === undefined || n === undefined || n === 0) return goals.push(missing(id, title, `needs dropin and nginx at c=${at}`));
    goals.push({ id, title, status: d / n >= min ? 'pass' : 'fail', measured: `dropin ${fmt(d, 0)} req/s = ${pct(d / n)} of nginx's ${fmt(n, 0)}` });
  };
  share(64, 0.6, 'throughput-c64', "throughput at c=64 >= 60% of nginx's (aim 80%)");
  share(1, 1 / 1.5, 'throughput-c1', "throughput at c=1 within 1.5x of nginx's");

  const addedP50 = (name: string) => rowFor({ ratios }, name, 1)?.addedLatencyP50Ms ?? null;
  const dAdded = addedP50('dropin');
  const nAdded = addedP50('nginx');
  if (dAdded === null || nAdded === null) goals.push(missing('added-p50-c1', "added p50 at c=1 within 1.5x of nginx's", 'needs direct, nginx and dropin at c=1'));
  else
    goals.push({
      id: 'added-p50-c1',
      title: "added p50 latency at c=1 within 1.5x of nginx's",
      status: dAdded <= 1.5 * Math.max(nAdded, 0) ? 'pass' : 'fail',
      measured: `dropin adds ${fmt(dAdded * 1000, 0)} µs, nginx adds ${fmt(nAdded * 1000, 0)} µs`,
    });

  goals.push(coalescing(dropin, direct));

  const dTtft = rowFor({ ratios }, 'dropin', 1)?.addedTtftP50Ms ?? null;
  const nTtft = rowFor({ ratios }, 'nginx', 1)?.addedTtftP50Ms ?? null;
  if (dTtft === null || nTtft === null) goals.push(missing('added-ttft-c1', "added TTFT at c=1 within 1 ms of nginx's", 'needs streams through direct, nginx and dropin at c=1'));
  else
    goals.push({
      id: 'added-ttft-c1',
      title: "added TTFT at c=1 within 1 ms of nginx's",
      status: dTtft - nTtft <= 1 ? 'pass' : 'fail',
      measured: `dropin adds ${fmt(dTtft, 3)} ms, nginx adds ${fmt(nTtft, 3)} ms`,
    });

  if (!hold) goals.push(missing('rss-1000-streams', `RSS < ${RSS_LIMIT_MB} MB holding 1000 streams`, 'the hold test did not run'));
  else
    goals.push({
      id: 'rss-1000-streams',
      title: `RSS < ${RSS_LIMIT_MB} MB holding ${hold.streams} streams`,
      status: hold.rssPeakMb < RSS_LIMIT_MB && hold.opened === hold.streams ? 'pass' : 'fail',
      measured: `peak ${fmt(hold.rssPeakMb, 1)} MB (idle ${fmt(hold.rssIdleMb, 1)} MB) with ${hold.opened} of ${hold.streams} streams open`,
    });
  return goals;
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
  return { id, title, status: worse.length === 0 ? 'pass' : 'fail', measured: `dropin vs direct ${counts}` };
}

function missing(id: string, title: string, why: string): Goal {
  return { id, title, status: 'missing', measured: why };
}

export function fmt(value: number, digits: number): string {
  return value.toFixed(digits);
}

function pct(value: number): string {
  return `${Math.round(value * 100)}%`;
}
