// Runs the load: `clients` concurrent clients stream through the proxy until the time is up, on a
// shared undici Agent with a connection per client. Progress is reported every few seconds, with
// the proxy's RSS and the event-loop lag of every process taking part.
import { Agent } from 'undici';
import { runClient } from './load-client.ts';
import { type LoopLags, LoadTally, type LoadSummary, type RssSamples } from './load-summary.ts';
import { startLagMonitor } from './loop-lag.ts';

/** What the driver knows of the upstream: its early closes (epoch ms), the streams it sent whole, and a count of them. */
export interface UpstreamView {
  closedEarly: Map<string, number>;
  finished: Set<string>;
  completed(): number;
}

export interface LoadOptions {
  proxyUrl: string;
  upstream: UpstreamView;
  clients: number;
  seconds: number;
  chunks: number;
  abortFraction: number;
  progressEveryMs?: number;
  onProgress?: (line: string) => void;
  /** sampled at the start, with each progress line and at the end */
  proxyRss?: () => number | undefined;
  /** the other processes' event-loop lag, as they last reported it */
  otherLags?: () => Omit<LoopLags, 'client'>;
}

/** How long the upstream gets to notice the last aborts once the clients are done. */
const ABORT_SETTLE_MS = 2_000;

export async function runLoad(opts: LoadOptions): Promise<LoadSummary> {
  const dispatcher = new Agent({ connections: opts.clients + 16, keepAliveTimeout: 30_000 });
  const clientLag = startLagMonitor();
  const tally = new LoadTally();
  const aborted: string[] = [];
  const started = performance.now();
  const deadline = started + opts.seconds * 1000;
  const rss = new RssTracker(opts.proxyRss);
  const lags = (): LoopLags => ({ client: clientLag.stats(), ...opts.otherLags?.() });
  const progress = setInterval(() => {
    const now = rss.sample();
    const elapsed = ((performance.now() - started) / 1000).toFixed(0);
    const { client, upstream, proxy } = lags();
    opts.onProgress?.(
      `${elapsed}s: ${tally.streams} streams, ${opts.upstream.completed()} completed upstream${now ? `, proxy RSS ${(now / 1024 / 1024).toFixed(0)} MiB` : ''}; ` +
        `loop lag p99 client ${formatP99(client)}, upstream ${formatP99(upstream)}, proxy ${formatP99(proxy)}`,
    );
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
    clientLag.stop();
    await dispatcher.close();
  }
  rss.sample();
  return tally.summarize({ clients: opts.clients, seconds: opts.seconds, closedEarly: opts.upstream.closedEarly, finishedUpstream: opts.upstream.finished, proxyRss: rss.samples(), loopLagMs: lags() });
}

class RssTracker {
  private start: number | undefined;
  private peak: number | undefined;
  private end: number | undefined;

  private readonly read: (() => number | undefined) | undefined;

  constructor(read: (() => number | undefined) | undefined) {
    this.read = read;
    this.start = this.sample();
  }

  sample(): number | undefined {
    const rss = this.read?.();
    if (rss !== undefined) {
      this.peak = Math.max(this.peak ?? 0, rss);
      this.end = rss;
    }
    return rss;
  }

  samples(): RssSamples | undefined {
    return this.start === undefined ? undefined : { start: this.start, peak: this.peak!, end: this.end! };
  }
}

function formatP99(lag: { p99: number } | undefined): string {
  return lag === undefined ? 'n/a' : `${lag.p99.toFixed(0)} ms`;
}

async function settleAborts(upstream: UpstreamView, aborted: string[]): Promise<void> {
  const until = performance.now() + ABORT_SETTLE_MS;
  while (performance.now() < until && aborted.some((id) => !upstream.closedEarly.has(id) && !upstream.finished.has(id))) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
