import { describe, expect, it } from 'vitest';
import { ratiosToDirect } from './compare.ts';
import { contender, jsonPoint, streamPoint } from './results-kit.ts';

describe('ratiosToDirect', () => {
  const rows = ratiosToDirect([
    contender('direct', [jsonPoint(1, 10_000, 0.1)], [streamPoint(1, 1, 0.2)]),
    contender('nginx', [jsonPoint(1, 8_000, 0.15)], [streamPoint(1, 1.5, 0.3)]),
    contender('portkey', [jsonPoint(1, 500, 2)]),
  ]);
  const of = (name: string) => rows.find((r) => r.contender === name);

  it('gives ratios to direct and the latency each contender adds', () => {
    expect(of('direct')?.requestsPerSec).toBe(1);
    expect(of('nginx')?.requestsPerSec).toBe(0.8);
    expect(of('nginx')?.latencyP50).toBeCloseTo(1.5);
    expect(of('nginx')?.addedLatencyP50Ms).toBeCloseTo(0.05);
    expect(of('nginx')?.addedTtftP50Ms).toBeCloseTo(0.5);
    expect(of('nginx')?.addedChunkLatencyP50Ms).toBeCloseTo(0.1);
  });
  it('leaves stream figures null when a contender has no streams', () => {
    expect(of('portkey')?.ttftP50).toBeNull();
    expect(of('portkey')?.addedChunkLatencyP99Ms).toBeNull();
    expect(of('portkey')?.requestsPerSec).toBe(0.05);
  });
  it('has nothing to compare without direct', () => expect(ratiosToDirect([contender('nginx', [jsonPoint(1, 1, 1)])])).toEqual([]));
});
