import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdStreams } from './hold-streams.ts';
import { startUpstream, type Upstream } from './upstream.ts';

let upstream: Upstream;
beforeAll(async () => (upstream = await startUpstream({ chunks: 5, delayMs: 1 })));
afterAll(() => upstream.close());

describe('holdStreams', () => {
  it('opens every stream, samples the process while they are open, then aborts them', async () => {
    // the upstream runs in this process, so this process is the one sampled
    const r = await holdStreams({ baseUrl: `http://127.0.0.1:${upstream.port}/v1`, headers: {}, model: 'bench-1000x50ms', count: 20, holdS: 0.3, pid: process.pid, openTimeoutMs: 5_000 });
    expect(r).toMatchObject({ streams: 20, opened: 20, failed: 0 });
    expect(r.rssPeakMb).toBeGreaterThan(0);
    expect(r.rssIdleMb).toBeGreaterThan(0);
  });
});
