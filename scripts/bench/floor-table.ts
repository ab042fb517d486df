// The terminal sections of issue 14: each proxy against the floor of its runtime and nginx, the
// hold and abort-burst tests, and the profile breakdown of dropin beside node-minimal.
import { abortFigures } from './goals.ts';
import { floorRatio } from './floor.ts';
import { grid, num, times } from './grid.ts';
import type { HoldResult } from './hold-streams.ts';
import type { ProfileResult } from './profile-run.ts';
import type { BenchResults } from './results.ts';

export function renderFloor(r: Pick<BenchResults, 'floor'>): string[] {
  if (r.floor.length === 0) return [];
  const rows = [['contender', 'c', 'req/s', 'x node-min', 'x nginx', 'CPU µs/req', 'x node-min', '+p50 ms', '+p99 ms']];
  const concurrencies = [...new Set(r.floor.map((f) => f.concurrency))];
  for (const c of concurrencies) {
    for (const f of r.floor.filter((x) => x.concurrency === c)) {
      const vs = (b: 'node-minimal' | 'nginx', field: 'requestsPerSec' | 'cpuUsPerRequest') => (f.contender === b ? '' : times(floorRatio(r.floor, f.contender, b, c, field)));
      rows.push([f.contender, String(c), num(f.requestsPerSec, 0), vs('node-minimal', 'requestsPerSec'), vs('nginx', 'requestsPerSec'), num(f.cpuUsPerRequest, 0), vs('node-minimal', 'cpuUsPerRequest'), num(f.addedP50Ms, 3), num(f.addedP99Ms, 3)]);
    }
  }
  return ['', 'Against the runtime floor and nginx (non-streaming; CPU = the proxy process per answered request; + = latency added over direct)', grid(rows)];
}

export function renderHolds(holds: readonly HoldResult[]): string[] {
  if (holds.length === 0) return [];
  const rows = [['hold', 'open', 'idle MB', 'peak MB', 'KB/stream', 'CPU %', 'aborts seen by the upstream']];
  for (const h of holds) {
    rows.push([h.contender ?? 'dropin', `${h.opened}/${h.streams}`, num(h.rssIdleMb, 1), num(h.rssPeakMb, 1), num(h.rssPerStreamKb, 0), num(h.cpuPercent, 0), h.aborts ? abortFigures(h.aborts) : 'not timed']);
  }
  const s = holds[0];
  return ['', `Hold test: ${s.streams} slow streams held ${s.holdS} s straight on the upstream (direct, whose process is sampled) and through each freshly started proxy, then all aborted at once`, grid(rows)];
}

/** Categories and candidates of dropin beside node-minimal's, in µs per request. */
export function renderProfile(p: ProfileResult): string[] {
  const [first, second] = p.proxies;
  if (!first) return [];
  const heads = p.proxies.map((x) => x.contender);
  const names = (pick: (x: ProfileResult['proxies'][number]) => Array<{ name: string }>) => [...new Set(p.proxies.flatMap((x) => pick(x).map((l) => l.name)))];
  const us = (x: ProfileResult['proxies'][number] | undefined, list: 'categories' | 'candidates', name: string) => x?.[list].find((l) => l.name === name)?.usPerRequest ?? 0;
  const table = (list: 'categories' | 'candidates') => {
    const rows = [[list === 'categories' ? 'self time by category' : 'candidate (issue 14)', ...heads.map((h) => `${h} µs/req`), ...(second ? ['difference'] : [])]];
    const dropin = p.proxies.find((x) => x.contender === 'dropin') ?? first;
    const other = p.proxies.find((x) => x !== dropin);
    const sorted = names((x) => x[list]).sort((a, b) => us(dropin, list, b) - us(dropin, list, a));
    for (const name of sorted) rows.push([name, ...p.proxies.map((x) => num(us(x, list, name), 1)), ...(other ? [num(us(dropin, list, name) - us(other, list, name), 1)] : [])]);
    return grid(rows);
  };
  const summary = p.proxies
    .map((x) => `${x.contender} ${num(x.cpuUsPerRequest, 0)} µs of CPU per request (/proc; ${num(x.busyUsPerRequest, 0)} µs sampled on the wall clock) over ${x.requests} requests at ${num(x.requestsPerSec, 0)} req/s`)
    .join('; ');
  const basis = first.basis === 'cpu' ? "µs/req = each line's share of the profile times the CPU per request" : 'µs/req = sampled wall-clock time per request';
  return ['', `CPU profile at c=${p.concurrency}, ${p.durationS} s each: ${summary}`, `(${basis})`, table('categories'), '', table('candidates')];
}
