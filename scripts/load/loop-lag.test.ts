import { describe, expect, it } from 'vitest';
import { formatLag, lagStats } from './loop-lag.ts';

const histogram = (count: number, ns: Record<number, number>, max: number) => ({ count, max, percentile: (p: number) => ns[p] });

describe('lagStats', () => {
  it('reports the delay beyond the timer interval, in milliseconds', () => {
    expect(lagStats(histogram(10, { 50: 10_500_000, 99: 42_000_000 }, 90_000_000))).toEqual({ p50: 0.5, p99: 32, max: 80 });
  });

  it('never goes below zero, and is all zeros before the first sample', () => {
    expect(lagStats(histogram(3, { 50: 9_900_000, 99: 9_990_000 }, 10_000_000))).toEqual({ p50: 0, p99: 0, max: 0 });
    expect(lagStats(histogram(0, {}, 0))).toEqual({ p50: 0, p99: 0, max: 0 });
  });
});

describe('formatLag', () => {
  it('says n/a for a process that never reported', () => {
    expect(formatLag(undefined)).toBe('n/a');
    expect(formatLag({ p50: 0.5, p99: 12, max: 40 })).toBe('p50 0.5 ms, p99 12.0 ms, max 40.0 ms');
  });
});
