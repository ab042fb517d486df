// Memory held by many concurrent slow streams: open `count` streams through a proxy on one shared
// Agent, wait until each has its first event, sample the proxy's RSS while they are all open,
// then abort them (the proxy must cut its upstream requests).
import { Agent } from 'undici';
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
}

export interface HoldResult {
  streams: number;
  /** streams that delivered a first event and were still open when the sampling ended */
  opened: number;
  failed: number;
  /** RSS just before the streams open (the bench holds on a freshly started proxy, so this is its idle RSS) */
  rssIdleMb: number;
  rssPeakMb: number;
  cpuPercent: number;
  holdS: number;
}

export async function holdStreams(input: HoldInput): Promise<HoldResult> {
  const rssIdleMb = new ProcSampler(input.pid).stop().rssEndMb;
  const dispatcher = new Agent({ connections: input.count, keepAliveTimeout: 30_000 });
  const abort = new AbortController();
  let opened = 0;
  let settle: () => void = () => undefined;
  const allOpen = new Promise<void>((resolve) => (settle = resolve));
  const streams = Array.from({ length: input.count }, () =>
    runStream({ ...input, dispatcher, signal: abort.signal, onFirstEvent: () => ++opened === input.count && settle() }),
  );
  let endedEarly = 0;
  const ended = Promise.all(
    streams.map((s) =>
      s.finally(() => {
        if (!abort.signal.aborted) endedEarly++;
      }),
    ),
  );
  const openTimer = setTimeout(settle, input.openTimeoutMs);
  await Promise.race([allOpen, ended]);
  clearTimeout(openTimer);
  const sampler = new ProcSampler(input.pid);
  await new Promise((resolve) => setTimeout(resolve, input.holdS * 1000));
  const usage = sampler.stop();
  const stillOpen = opened - endedEarly;
  abort.abort();
  const records = await ended;
  await dispatcher.destroy();
  return {
    streams: input.count,
    opened: stillOpen,
    failed: records.filter((r) => r.status !== 200).length,
    rssIdleMb,
    rssPeakMb: usage.rssPeakMb,
    cpuPercent: usage.cpuPercent,
    holdS: input.holdS,
  };
}
