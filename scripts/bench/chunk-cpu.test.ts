import { describe, expect, it } from 'vitest';
import { benchStream, measureChunkCpu, relayGeneric, relayRaw } from './chunk-cpu.ts';

describe('chunk-cpu', () => {
  it('runs both paths over the same events: the bench stream is conformant, so nothing is added or dropped', () => {
    const stream = benchStream(50);
    expect(relayRaw(stream)).toBe(51);
    expect(relayGeneric(stream)).toBe(51);
  });
  it('reports CPU µs per chunk for each path and their difference', () => {
    const r = measureChunkCpu(10, 200);
    expect(r.rawUs).toBeGreaterThan(0);
    expect(r.genericUs).toBeGreaterThan(0);
    expect(r.addedUs).toBeCloseTo(r.genericUs - r.rawUs);
  });
});
