import { describe, expect, it } from 'vitest';
import { contender, streamPoint } from './results-kit.ts';
import { cpuPerChunkUs, genericCost } from './generic-cost.ts';

const withCpu = (concurrency: number, cpuSeconds: number) => ({ ...streamPoint(concurrency, 1, 0.3), proc: { rssPeakMb: 100, rssEndMb: 90, cpuPercent: 50, cpuSeconds } });

describe('cpuPerChunkUs', () => {
  it('divides the CPU time by every event relayed, the untimed first stream of each client included', () => {
    // 10 timed streams of 50 events, 2 clients: 500 + 2 × 50 = 600 events in 0.3 s of CPU
    expect(cpuPerChunkUs(withCpu(2, 0.3))).toBeCloseTo(500);
  });
  it('has no figure without a CPU sample of at least 20 ticks, or a completed stream', () => {
    expect(cpuPerChunkUs(streamPoint(1, 1, 0.3))).toBeNull();
    expect(cpuPerChunkUs(withCpu(1, 0.19))).toBeNull();
    expect(cpuPerChunkUs({ ...withCpu(1, 1), failed: 10 })).toBeNull();
  });
});

describe('genericCost', () => {
  it('compares the raw and the generic path at the concurrencies both ran', () => {
    const rows = genericCost([
      contender('direct', [], [streamPoint(1, 1, 0.2)]),
      contender('dropin', [], [withCpu(1, 0.22), withCpu(64, 0.5)]),
      contender('dropin-generic', [], [withCpu(1, 0.33)]),
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0].concurrency).toBe(1);
    expect(rows[0].rawUs).toBeCloseTo(400);
    expect(rows[0].genericUs).toBeCloseTo(600);
    expect(rows[0].addedUs).toBeCloseTo(200);
  });
  it('is empty unless both dropin contenders ran', () => {
    expect(genericCost([contender('dropin', [], [withCpu(1, 0.3)])])).toEqual([]);
  });
});
