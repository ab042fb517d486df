// The load run in small (100 clients for 5 s) against an in-process proxy: no chunk lost,
// duplicated or reordered, no failed stream, every deliberate abort reached the upstream. No
// timing goal here; the full run (streams.ts) judges the abort delay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../reference-proxy/config/load.ts';
import { startProxy, type RunningProxy } from '../../reference-proxy/index.ts';
import { startNumberedUpstream, type NumberedUpstream } from './numbered-upstream.ts';
import { runLoad } from './run-load.ts';

let upstream: NumberedUpstream;
let proxy: RunningProxy;
beforeAll(async () => {
  upstream = await startNumberedUpstream({ chunks: 20, delayMs: 25 });
  const config = parseConfig({ listen: { host: '127.0.0.1', port: 0 }, backends: [{ name: 'numbered', baseUrl: upstream.baseUrl, models: ['load-model'] }] });
  proxy = await startProxy(config, { log: () => {} });
});
afterAll(async () => {
  await proxy.close();
  await upstream.close();
});

describe('streaming load through the proxy', () => {
  it('delivers every chunk once and in order, and every abort reaches the upstream', { timeout: 30_000 }, async () => {
    const s = await runLoad({ proxyUrl: proxy.url, upstream, clients: 100, seconds: 5, chunks: 20, abortFraction: 0.2 });
    expect(s.streamsCompleted).toBeGreaterThan(100);
    expect(s.streamsAborted).toBeGreaterThan(0);
    expect(s.chunksVerified).toBeGreaterThan(1000);
    expect({ lost: s.lost, duplicated: s.duplicated, reordered: s.reordered, foreign: s.foreign }).toEqual({ lost: 0, duplicated: 0, reordered: 0, foreign: 0 });
    expect(s.errorsByKind).toEqual({});
    expect(s.abortsUnseen).toBe(0);
    expect(s.unexplainedUpstreamCloses).toBe(0);
  });
});
