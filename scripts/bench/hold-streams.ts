// Memory held by many concurrent slow streams, and what a burst of aborts does: open `count`
// streams through a proxy on one shared Agent, wait until each has its first event, sample the
// proxy's RSS while they are all open, then abort every one at once and, when the upstream reports
// its closes, time how long each abort took to reach it.
import { Agent } from 'undici';
import { epochMs } from '../load/shared-clock.ts';
import { type AbortBurst, abortBurst, type UpstreamCloses, unsettled } from './abort-burst.ts';
import { ProcSampler } from './proc-sampler.ts';
import { runStream } from './stream-client.ts';

export interface HoldInput {
  baseUrl: string;
  headers: Record<string, string>;
  model: string;
  count: number;
  holdS: number;
  pid: number;
  /** how long opening every stream may take */
  openTimeoutMs: number;
  /**
   * The upstream's view of closes, keyed by the stream id each request carries in
   * metadata.load_stream (the numbered upstream of scripts/load). Without it no abort is timed.
   */
  upstream?: UpstreamCloses;
  /** prefix of the stream ids, so holds through several proxies can share one upstream */
  idPrefix?: string;
  /** how long to wait for the upstream to see the aborts */
  abortWaitMs?: number;
}

export interface HoldResult {
  /** the path held through (absent in results written before the floor contenders existed: dropin); for direct the process sampled is the upstream */
  contender?: string;
  streams: number;
  /** streams that delivered a first event and were still open when the sampling ended */
  opened: number;
  failed: number;
  /** RSS just before the streams open (the bench holds on a freshly started proxy, so this is its idle RSS) */
  rssIdleMb: number;
  rssPeakMb: number;
  /** (peak - idle) / open streams, KiB; null when none was open */
  rssPerStreamKb?: number | null;
  cpuPercent: number;
  holdS: number;
  /** every open stream aborted at once, as the upstream saw it; null when no upstream view was given */
  aborts?: AbortBurst | null;
}

const ABORT_WAIT_MS = 5_000;

export async function holdStreams(input: HoldInput): Promise<HoldResult> {
  const rssIdleMb = new ProcSampler(input.pid).stop().rssEndMb;
  const dispatcher = new Agent({ connections: input.count, keepAliveTimeout: 30_000 });
  const abort = new AbortController();
  const ids = Array.from({ length: input.count }, (_, i) => `${input.idPrefix ?? 'hold'}-${i}`);
  const openIds = new Set<string>();
  let settle: () => void = () => undefined;
  const allOpen = new Promise<void>((resolve) => (settle = resolve));
  const streams = ids.map((streamId) =>
    runStream({
      ...input,
      streamId,
      dispatcher,
      signal: abort.signal,
      onFirstEvent: () => {
        openIds.add(streamId);
        if (openIds.size === input.count) settle();
      },
    }).finally(() => {
      if (!abort.signal.aborted) openIds.delete(streamId);
    }),
  );
  const ended = Promise.all(streams);
  const openTimer = setTimeout(settle, input.openTimeoutMs);
  await Promise.race([allOpen, ended]);
  clearTimeout(openTimer);
  const sampler = new ProcSampler(input.pid);
  await new Promise((resolve) => setTimeout(resolve, input.holdS * 1000));
  const usage = sampler.stop();
  const held = [...openIds];
  // Node's stream destroy reads each error's stack, and under tsx every stack is source-mapped
  // (about 0.1 ms each): 1000 aborts would spend the bench's own time before the last one leaves
  const sourceMaps = process.sourceMapsEnabled;
  process.setSourceMapsEnabled(false);
  const abortedAtMs = epochMs();
  abort.abort();
  const records = await ended;
  process.setSourceMapsEnabled(sourceMaps);
  const aborts = input.upstream ? await timeAborts(held, abortedAtMs, input.upstream, input.abortWaitMs ?? ABORT_WAIT_MS) : null;
  await dispatcher.destroy();
  return {
    streams: input.count,
    opened: held.length,
    failed: records.filter((r) => r.status !== 200).length,
    rssIdleMb,
    rssPeakMb: usage.rssPeakMb,
    rssPerStreamKb: rssPerStreamKb(rssIdleMb, usage.rssPeakMb, held.length),
    cpuPercent: usage.cpuPercent,
    holdS: input.holdS,
    aborts,
  };
}

export function rssPerStreamKb(idleMb: number, peakMb: number, streams: number): number | null {
  return streams > 0 ? ((peakMb - idleMb) * 1024) / streams : null;
}

async function timeAborts(ids: string[], abortedAtMs: number, upstream: UpstreamCloses, waitMs: number): Promise<AbortBurst> {
  const until = performance.now() + waitMs;
  while (performance.now() < until && unsettled(ids, upstream) > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  return abortBurst(ids, abortedAtMs, upstream, Math.round(epochMs() - abortedAtMs));
}
