// Runs the load: `clients` concurrent clients stream through the proxy until the time is up, on a
// shared undici Agent with a connection per client. Progress is reported every few seconds.
import { Agent } from 'undici';
import { runClient } from './load-client.ts';
import { LoadTally, type LoadSummary } from './load-summary.ts';
import type { NumberedUpstream } from './numbered-upstream.ts';

export interface LoadOptions {
  proxyUrl: string;
  upstream: NumberedUpstream;
  clients: number;
  seconds: number;
  chunks: number;
  abortFraction: number;
  progressEveryMs?: number;
  onProgress?: (line: string) => void;
  /** sampled with each progress line and at the end; the summary reports the peak */
  proxyRss?: () => number | undefined;
}

/** How long the upstream gets to notice the last aborts once the clients are done. */
const ABORT_SETTLE_MS = 2_000;

export async function runLoad(opts: LoadOptions): Promise<LoadSummary> {
  const dispatcher = new Agent({ connections: opts.clients + 16, keepAliveTimeout: 30_000 });
  const tally = new LoadTally();
  const aborted: string[] = [];
  const started = performance.now();
  const deadline = started + opts.seconds * 1000;
  let peakRss: number | undefined;
  const sampleRss = () => {
    const rss = opts.proxyRss?.();
    if (rss !== undefined) peakRss = Math.max(peakRss ?? 0, rss);
    return rss;
  };
  const progress = setInterval(() => {
    const rss = sampleRss();
    const elapsed = ((performance.now() - started) / 1000).toFixed(0);
    opts.onProgress?.(`${elapsed}s: ${tally.streams} streams, ${opts.upstream.completed()} completed upstream${rss ? `, proxy RSS ${(rss / 1024 / 1024).toFixed(0)} MiB` : ''}`);
  }, opts.progressEveryMs ?? 5_000);
  try {
    const clients = Array.from({ length: opts.clients }, (_, clientId) =>
      runClient({ baseUrl: `${opts.proxyUrl}/v1`, dispatcher, clientId, chunks: opts.chunks, abortFraction: opts.abortFraction, deadline }, (result) => {
        tally.add(result);
        if (result.abortedAt !== undefined) aborted.push(result.streamId);
      }),
    );
    await Promise.all(clients);
    await settleAborts(opts.upstream, aborted);
  } finally {
    clearInterval(progress);
    await dispatcher.close();
  }
  sampleRss();
  return tally.summarize({ clients: opts.clients, seconds: opts.seconds, closedEarly: opts.upstream.closedEarly, proxyRssBytes: peakRss });
}

async function settleAborts(upstream: NumberedUpstream, aborted: string[]): Promise<void> {
  const until = performance.now() + ABORT_SETTLE_MS;
  while (performance.now() < until && aborted.some((id) => !upstream.closedEarly.has(id))) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
