// The hold test as the bench runs it: through a freshly started proxy (one that has just served
// the load points carries the heap they grew), in front of the numbered upstream of scripts/load
// in its own process, which reports on the shared clock when each stream's connection closes.
import type { ContenderName, BenchPaths } from './contenders/contender.ts';
import { startUpstreamProcess, type UpstreamProcess } from '../load/load-process.ts';
import { type HoldResult, holdStreams } from './hold-streams.ts';
import { stopAlsoOnExit } from './processes.ts';
import type { BenchOptions } from './options.ts';
import type { Progress } from './run-contender.ts';
import { startContender } from './start-contender.ts';

/**
 * The paths held through, each compared with the others in the same run. direct (the clients
 * straight on the upstream, whose process is then the one sampled) tells how much of an abort's
 * delay is the bench's own: the clients' and the upstream's.
 */
export const HOLD_CONTENDERS: readonly ContenderName[] = ['direct', 'node-minimal', 'dropin'];

export const HOLD_MODEL = 'bench-hold';
const HOLD_DELAY_MS = 100;
const HOLD_OPEN_TIMEOUT_MS = 30_000;

export class HoldRunner {
  private upstream?: UpstreamProcess;
  private forget?: () => void;
  /** holds so far: each one's stream ids are its own, since the upstream's record of closes outlives a hold */
  private holds = 0;

  private readonly opts: BenchOptions;
  private readonly paths: BenchPaths;
  private readonly progress: Progress;

  constructor(
    opts: BenchOptions,
    paths: BenchPaths,
    progress: Progress,
  ) {
    this.opts = opts;
    this.paths = paths;
    this.progress = progress;
  }

  async run(name: ContenderName): Promise<HoldResult> {
    const upstream = await this.numberedUpstream();
    const upstreamPort = Number(new URL(upstream.url).port);
    if (name !== 'direct') this.progress(`[${name}] starting a fresh proxy for the hold test`);
    const proxy = await startContender(name, { paths: this.paths, upstreamPort, models: [HOLD_MODEL], progress: this.progress });
    try {
      const pid = proxy.pid ?? upstream.pid;
      this.progress(`[${name}] holding ${this.opts.holdStreams} slow streams for ${this.opts.holdS} s, then aborting them all at once`);
      const result = await holdStreams({
        baseUrl: proxy.baseUrl,
        headers: proxy.headers,
        model: HOLD_MODEL,
        count: this.opts.holdStreams,
        holdS: this.opts.holdS,
        pid,
        openTimeoutMs: HOLD_OPEN_TIMEOUT_MS,
        upstream,
        idPrefix: `${name}-${++this.holds}`,
      });
      return { contender: name, ...result };
    } finally {
      await proxy.stop();
    }
  }

  async close(): Promise<void> {
    this.forget?.();
    await this.upstream?.stop();
  }

  /** One upstream for every hold: its streams outlast opening them all and the hold. */
  private async numberedUpstream(): Promise<UpstreamProcess> {
    const chunks = Math.ceil((HOLD_OPEN_TIMEOUT_MS + this.opts.holdS * 1000) / HOLD_DELAY_MS) + 10;
    if (!this.upstream) {
      this.upstream = await startUpstreamProcess({ chunks, delayMs: HOLD_DELAY_MS });
      this.forget = stopAlsoOnExit(this.upstream.stop);
    }
    return this.upstream;
  }
}
