// Orders the candidates of a route. A backend that is unhealthy (circuit open) or at its
// maxConcurrency is moved to the end rather than dropped: when everything else fails it is still
// worth one try, and the client gets an answer instead of an immediate 503.
import type { Candidate, HealthView } from '../types.ts';

export type Random = () => number;

export function isUsable(candidate: Candidate, health: HealthView): boolean {
  const { name, maxConcurrency } = candidate.backend;
  return health.isAvailable(name) && (maxConcurrency === undefined || health.outstanding(name) < maxConcurrency);
}

/** A fallback chain: the configured order, usable backends first. */
export function chainOrder(candidates: Candidate[], health: HealthView): Candidate[] {
  const usable = candidates.filter((c) => isUsable(c, health));
  return [...usable, ...candidates.filter((c) => !usable.includes(c))];
}

/**
 * Backends serving the same model: usable first, then least outstanding requests per unit of
 * weight (a weight-2 backend carries twice the concurrent load of a weight-1 one); ties go to a
 * weighted random draw (Efraimidis–Spirakis key u^(1/w)), so idle backends share traffic in
 * proportion to weight. Pass a seeded `random` for a deterministic order.
 */
export function balancedOrder(candidates: Candidate[], health: HealthView, random: Random = Math.random): Candidate[] {
  const keyed = candidates.map((c) => ({
    c,
    usable: isUsable(c, health),
    load: health.outstanding(c.backend.name) / c.backend.weight,
    draw: random() ** (1 / c.backend.weight),
  }));
  keyed.sort((a, b) => Number(b.usable) - Number(a.usable) || a.load - b.load || b.draw - a.draw);
  return keyed.map((k) => k.c);
}

/** mulberry32: a tiny seeded generator for reproducible load-balancing decisions in tests and replays. */
export function seededRandom(seed: number): Random {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
