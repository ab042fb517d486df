import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NumberedUpstream, startNumberedUpstream } from '../load/numbered-upstream.ts';
import { holdStreams, rssPerStreamKb } from './hold-streams.ts';
import { startUpstream, type Upstream } from './upstream.ts';

let upstream: Upstream;
let numbered: NumberedUpstream;
const closedEarly = new Map<string, number>();
const finished = new Set<string>();
beforeAll(async () => {
  upstream = await startUpstream({ chunks: 5, delayMs: 1 });
  numbered = await startNumberedUpstream({ chunks: 1_000, delayMs: 50, onClosedEarly: (id, at) => closedEarly.set(id, at), onFinished: (id) => finished.add(id) });
});
afterAll(async () => {
  await upstream.close();
  await numbered.close();
});

describe('holdStreams', () => {
  it('opens every stream, samples the process while they are open, then aborts them', async () => {
    // the upstream runs in this process, so this process is the one sampled
    const r = await holdStreams({ baseUrl: `http://127.0.0.1:${upstream.port}/v1`, headers: {}, model: 'bench-1000x50ms', count: 20, holdS: 0.3, pid: process.pid, openTimeoutMs: 5_000 });
    expect(r).toMatchObject({ streams: 20, opened: 20, failed: 0, aborts: null });
    expect(r.rssPeakMb).toBeGreaterThan(0);
    expect(r.rssIdleMb).toBeGreaterThan(0);
  });

  it('tells, from the upstream, how many of the simultaneous aborts reached it', async () => {
    const r = await holdStreams({ baseUrl: numbered.baseUrl, headers: {}, model: 'load-model', count: 20, holdS: 0.2, pid: process.pid, openTimeoutMs: 5_000, upstream: { closedEarly, finished }, idPrefix: 'burst', abortWaitMs: 10_000 });
    expect(r.opened).toBe(20);
    expect(r.aborts).toMatchObject({ aborted: 20, seen: 20, finishedFirst: 0 });
    // every id the upstream saw close is one the hold sent
    expect([...closedEarly.keys()].sort()).toEqual(Array.from({ length: 20 }, (_, i) => `burst-${i}`).sort());
    expect(r.aborts?.delayMaxMs).toBeGreaterThanOrEqual(r.aborts?.delayP50Ms ?? Number.NaN);
  });
});

describe('rssPerStreamKb', () => {
  it('spreads the growth over the open streams', () => expect(rssPerStreamKb(100, 200, 1000)).toBeCloseTo(102.4));
  it('has no figure without an open stream', () => expect(rssPerStreamKb(100, 200, 0)).toBeNull());
});
