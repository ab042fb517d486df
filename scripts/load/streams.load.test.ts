// The load run in small (100 clients for 5 s), with the proxy and the upstream in their own
// processes as in the full run: no chunk lost, duplicated or reordered, no failed stream, every
// deliberate abort reached the upstream and was reported back. No timing goal here; the full run
// (streams.ts) judges the abort delay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ProxyProcess, startProxyProcess, startUpstreamProcess, type UpstreamProcess } from './load-process.ts';
import { formatSummary } from './load-summary.ts';
import { runLoad } from './run-load.ts';

let upstream: UpstreamProcess | undefined;
let proxy: ProxyProcess | undefined;
beforeAll(async () => {
  upstream = await startUpstreamProcess({ chunks: 20, delayMs: 25 });
  proxy = await startProxyProcess(upstream.url, 200);
});
afterAll(async () => {
  await proxy?.stop();
  await upstream?.stop();
});

describe('streaming load through the proxy', () => {
  it('delivers every chunk once and in order, and every abort reaches the upstream', { timeout: 30_000 }, async () => {
    const s = await runLoad({ proxyUrl: proxy!.url, upstream: upstream!, clients: 100, seconds: 5, chunks: 20, abortFraction: 0.2, otherLags: () => ({ upstream: upstream!.lag(), proxy: proxy!.lag() }) });
    console.log(formatSummary(s));
    expect(s.streamsCompleted).toBeGreaterThan(100);
    expect(s.streamsAborted).toBeGreaterThan(0);
    expect(s.chunksVerified).toBeGreaterThan(1000);
    expect({ lost: s.lost, duplicated: s.duplicated, reordered: s.reordered, foreign: s.foreign }).toEqual({ lost: 0, duplicated: 0, reordered: 0, foreign: 0 });
    expect(s.errorsByKind).toEqual({});
    expect(s.abortsUnseen).toBe(0);
    expect(s.unexplainedUpstreamCloses).toBe(0);
    // an abort can only reach an upstream still sending; one that came after the end had nothing to stop
    expect(s.abortDelayMs.count + s.abortsAfterEnd).toBe(s.streamsAborted);
    expect(s.loopLagMs.upstream).toBeDefined();
    expect(s.loopLagMs.proxy).toBeDefined();
  });
});
