// Adds up stream results and the upstream's abort records into the run's summary, and judges the
// goals: no lost, duplicated, reordered or foreign chunk, no unexplained error, every abort seen
// by the upstream, abort propagation p99 under the goal.
import type { StreamResult } from './load-client.ts';
import { formatLag, type LagStats } from './loop-lag.ts';

export const ABORT_DELAY_GOAL_MS = 100;

export interface LoadSummary {
  clients: number;
  seconds: number;
  streamsCompleted: number;
  streamsAborted: number;
  chunksVerified: number;
  lost: number;
  duplicated: number;
  reordered: number;
  foreign: number;
  errorsByKind: Record<string, number>;
  /** deliberate aborts the upstream never saw, although it was still sending that stream */
  abortsUnseen: number;
  /**
   * deliberate aborts of streams the upstream had already sent whole: the client was reading behind
   * (a busy machine), and there was nothing left to stop. Not a fault of the proxy.
   */
  abortsAfterEnd: number;
  /** early closes the upstream saw that no client asked for */
  unexplainedUpstreamCloses: number;
  /** client's abort() to the upstream's socket close, both on the shared epoch clock */
  abortDelayMs: { p50: number; p99: number; max: number; count: number };
  /** how late each process's event loop ran; a lagging client or upstream inflates the abort delay */
  loopLagMs: LoopLags;
  proxyRssBytes?: RssSamples;
  goalsMissed: string[];
}

export interface LoopLags {
  client: LagStats;
  upstream?: LagStats;
  proxy?: LagStats;
}

export interface RssSamples {
  start: number;
  peak: number;
  end: number;
}

export class LoadTally {
  private readonly results: StreamResult[] = [];

  add(result: StreamResult): void {
    // keep aborted streams whole (their abort time matters), others as counts only
    this.results.push(result.abortedAt !== undefined || result.error ? result : { streamId: '', tally: result.tally });
  }

  get streams(): number {
    return this.results.length;
  }

  summarize(run: { clients: number; seconds: number; closedEarly: Map<string, number>; finishedUpstream?: Set<string>; loopLagMs: LoopLags; proxyRss?: RssSamples }): LoadSummary {
    const sum = (f: (r: StreamResult) => number) => this.results.reduce((total, r) => total + f(r), 0);
    const errorsByKind: Record<string, number> = {};
    for (const r of this.results) if (r.error) errorsByKind[r.error] = (errorsByKind[r.error] ?? 0) + 1;
    const aborted = this.results.filter((r) => r.abortedAt !== undefined);
    const delays = aborted.flatMap((r) => {
      const seen = run.closedEarly.get(r.streamId);
      return seen === undefined ? [] : [Math.max(0, seen - r.abortedAt!)];
    });
    const abortedIds = new Set(aborted.map((r) => r.streamId));
    const afterEnd = aborted.filter((r) => !run.closedEarly.has(r.streamId) && run.finishedUpstream?.has(r.streamId)).length;
    const summary: LoadSummary = {
      clients: run.clients,
      seconds: run.seconds,
      streamsCompleted: this.results.filter((r) => r.tally.done && !r.error && r.abortedAt === undefined).length,
      streamsAborted: aborted.length,
      chunksVerified: sum((r) => r.tally.verified),
      lost: sum((r) => r.tally.lost),
      duplicated: sum((r) => r.tally.duplicated),
      reordered: sum((r) => r.tally.reordered),
      foreign: sum((r) => r.tally.foreign),
      errorsByKind,
      abortsUnseen: aborted.length - delays.length - afterEnd,
      abortsAfterEnd: afterEnd,
      unexplainedUpstreamCloses: [...run.closedEarly.keys()].filter((id) => !abortedIds.has(id)).length,
      abortDelayMs: { p50: percentile(delays, 50), p99: percentile(delays, 99), max: delays.length ? Math.max(...delays) : 0, count: delays.length },
      loopLagMs: run.loopLagMs,
      proxyRssBytes: run.proxyRss,
      goalsMissed: [],
    };
    summary.goalsMissed = goalsMissed(summary);
    return summary;
  }
}

export function goalsMissed(s: LoadSummary): string[] {
  const missed: string[] = [];
  for (const key of ['lost', 'duplicated', 'reordered', 'foreign', 'abortsUnseen', 'unexplainedUpstreamCloses'] as const) {
    if (s[key] > 0) missed.push(`${key}: ${s[key]} (goal 0)`);
  }
  const errors = Object.values(s.errorsByKind).reduce((a, b) => a + b, 0);
  if (errors > 0) missed.push(`errors: ${errors} (goal 0) ${JSON.stringify(s.errorsByKind)}`);
  if (s.abortDelayMs.p99 >= ABORT_DELAY_GOAL_MS) missed.push(`abort propagation p99 ${s.abortDelayMs.p99.toFixed(1)} ms (goal < ${ABORT_DELAY_GOAL_MS} ms)`);
  if (s.streamsCompleted === 0) missed.push('no stream completed');
  return missed;
}

/** Nearest-rank percentile; 0 for no values. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function formatSummary(s: LoadSummary): string {
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MiB`;
  const rss = s.proxyRssBytes;
  return [
    `streams: ${s.streamsCompleted} completed, ${s.streamsAborted} aborted on purpose (${s.clients} clients, ${s.seconds} s)`,
    `chunks verified: ${s.chunksVerified}; lost ${s.lost}, duplicated ${s.duplicated}, reordered ${s.reordered}, foreign ${s.foreign}`,
    `errors: ${Object.keys(s.errorsByKind).length === 0 ? 'none' : JSON.stringify(s.errorsByKind)}`,
    `aborts seen by the upstream: ${s.abortDelayMs.count}/${s.streamsAborted} (${s.abortsAfterEnd} came after the upstream had sent the whole stream); unexplained upstream closes: ${s.unexplainedUpstreamCloses}`,
    `abort propagation delay: p50 ${s.abortDelayMs.p50.toFixed(1)} ms, p99 ${s.abortDelayMs.p99.toFixed(1)} ms, max ${s.abortDelayMs.max.toFixed(1)} ms`,
    `event-loop lag: client ${formatLag(s.loopLagMs.client)}; upstream ${formatLag(s.loopLagMs.upstream)}; proxy ${formatLag(s.loopLagMs.proxy)}`,
    `proxy RSS: ${rss === undefined ? 'n/a' : `start ${mb(rss.start)}, peak ${mb(rss.peak)}, end ${mb(rss.end)}`}`,
    s.goalsMissed.length === 0 ? 'all goals met' : `GOALS MISSED:\n  ${s.goalsMissed.join('\n  ')}`,
  ].join('\n');
}
