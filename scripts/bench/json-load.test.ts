import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJsonPoint } from './json-load.ts';
import { startUpstream, type Upstream } from './upstream.ts';

let upstream: Upstream;
beforeAll(async () => (upstream = await startUpstream({ chunks: 5, delayMs: 1 })));
afterAll(() => upstream.close());

describe('runJsonPoint', () => {
  it('measures throughput and sub-millisecond latencies of successful requests', async () => {
    const r = await runJsonPoint({ baseUrl: `http://127.0.0.1:${upstream.port}/v1`, headers: {}, concurrency: 2, durationS: 1 });
    expect(r.ok).toBeGreaterThan(0);
    expect(r.failed).toBe(0);
    expect(r.requestsPerSec).toBeGreaterThan(0);
    expect(r.latencyP50Ms).not.toBeNull();
    expect(Number.isInteger(r.latencyP50Ms)).toBe(false);
    expect(r.latencyP99Ms).toBeGreaterThanOrEqual(r.latencyP50Ms ?? Infinity);
  });

  it('counts error answers as failed and keeps them out of the latencies', async () => {
    const r = await runJsonPoint({ baseUrl: `http://127.0.0.1:${upstream.port}/nowhere`, headers: {}, concurrency: 1, durationS: 1 });
    expect(r.ok).toBe(0);
    expect(r.failed).toBeGreaterThan(0);
    expect(r.statuses['404']).toBe(r.failed);
    expect(r.latencyP50Ms).toBeNull();
  });
});
