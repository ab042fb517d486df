import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStreamPoint } from './stream-load.ts';
import { summarizeStreams } from './stream-summary.ts';
import { startUpstream, type Upstream } from './upstream.ts';

let upstream: Upstream;
beforeAll(async () => (upstream = await startUpstream({ chunks: 5, delayMs: 1 })));
afterAll(() => upstream.close());

describe('runStreamPoint + summarizeStreams', () => {
  it('runs complete streams from every client and reduces them to figures', async () => {
    const records = await runStreamPoint({ baseUrl: `http://127.0.0.1:${upstream.port}/v1`, headers: {}, model: 'bench', concurrency: 3, durationS: 0.05 });
    expect(records.length).toBeGreaterThanOrEqual(3);
    const s = summarizeStreams(records);
    expect(s.failed).toBe(0);
    expect(s.events).toBe(records.length * 5);
    expect(s.statuses).toEqual({ '200': records.length });
    expect(s.ttftP50Ms).toBeGreaterThan(0);
    expect(s.chunkLatencyP99Ms).toBeGreaterThanOrEqual(s.chunkLatencyP50Ms ?? Infinity);
    expect(s.totalP50Ms).toBeGreaterThan(s.ttftP50Ms ?? Infinity);
  });

  it('counts a refused stream as failed', async () => {
    const records = await runStreamPoint({ baseUrl: `http://127.0.0.1:${upstream.port}/nowhere`, headers: {}, model: 'bench', concurrency: 1, durationS: 0.01 });
    const s = summarizeStreams(records);
    expect(s.failed).toBe(s.streams);
    expect(s.statuses['404']).toBe(s.streams);
    expect(s.ttftP50Ms).toBeNull();
  });
});
