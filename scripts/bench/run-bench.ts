// One bench run: start the upstream, then each contender in turn (only one proxy alive at a time,
// so they do not compete for the two cores), measure it, stop it; then compare and judge.
import { cpus, release } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ratiosToDirect } from './compare.ts';
import { CONTENDER_LABELS, type BenchPaths } from './contenders/contender.ts';
import { findingsFor } from './findings.ts';
import { measureChunkCpu } from './chunk-cpu.ts';
import { genericCost } from './generic-cost.ts';
import { judgeGoals } from './goals.ts';
import { type HoldResult, holdStreams } from './hold-streams.ts';
import type { BenchOptions } from './options.ts';
import { freePort, startProcess, waitForHttp } from './processes.ts';
import type { BenchResults, ContenderResult } from './results.ts';
import { type Progress, runContender } from './run-contender.ts';
import { startContender } from './start-contender.ts';
import { shapedModel } from './upstream-body.ts';

const HOLD_DELAY_MS = 100;
const HOLD_OPEN_TIMEOUT_MS = 30_000;

export async function runBench(opts: BenchOptions, paths: BenchPaths, progress: Progress): Promise<BenchResults> {
  const startedAt = new Date().toISOString();
  const upstreamPort = await startBenchUpstream(opts, paths, progress);
  // long enough to stay open while all streams connect and through the hold
  const holdModel = shapedModel({ chunks: Math.ceil((HOLD_OPEN_TIMEOUT_MS + opts.holdS * 1000) / HOLD_DELAY_MS) + 10, delayMs: HOLD_DELAY_MS });
  const contenders: ContenderResult[] = [];
  let hold: HoldResult | null = null;
  for (const name of opts.contenders) {
    progress(`[${name}] starting`);
    let contender;
    try {
      contender = await startContender(name, {
        paths,
        upstreamPort,
        models: ['bench', holdModel],
        cpuProfileDir: opts.cpuProf ? join(paths.workDir, 'profiles') : undefined,
        progress,
      });
    } catch (error) {
      progress(`[${name}] could not start: ${(error as Error).message}`);
      contenders.push({ name, label: CONTENDER_LABELS[name], version: 'unknown', error: (error as Error).message.split('\n')[0], streamProbe: null, json: [], stream: [] });
      continue;
    }
    try {
      contenders.push(await runContender(contender, opts, progress));
    } finally {
      progress(`[${name}] stopping`);
      await contender.stop();
    }
    if (name === 'dropin' && opts.holdStreams > 0) hold = await holdOnFreshProxy(opts, paths, upstreamPort, holdModel, progress);
  }
  const ratios = ratiosToDirect(contenders);
  return {
    schemaVersion: 1,
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model.trim() ?? 'unknown', node: process.version, kernel: release() },
    settings: { durationS: opts.durationS, warmupS: opts.warmupS, concurrencies: opts.concurrencies, streamChunks: opts.streamChunks, chunkDelayMs: opts.chunkDelayMs, quick: opts.quick },
    contenders,
    ratios,
    hold,
    ...(opts.contenders.includes('dropin-generic') ? { genericCost: { endToEnd: genericCost(contenders), inProcess: measureChunkCpu(opts.streamChunks) } } : {}),
    goals: judgeGoals(contenders, ratios, hold),
    findings: findingsFor(contenders, hold, process.version),
  };
}

/**
 * The hold runs on a proxy started for it alone: one that has just served the load points carries
 * the heap those grew, and its RSS would say little about what the streams themselves cost.
 */
async function holdOnFreshProxy(opts: BenchOptions, paths: BenchPaths, upstreamPort: number, holdModel: string, progress: Progress): Promise<HoldResult> {
  progress(`[dropin] starting a fresh proxy for the hold test`);
  const proxy = await startContender('dropin', { paths, upstreamPort, models: ['bench', holdModel], progress });
  try {
    if (proxy.pid === null) throw new Error('bench: the dropin proxy has no process id to sample');
    progress(`[dropin] holding ${opts.holdStreams} slow streams for ${opts.holdS} s`);
    return await holdStreams({ baseUrl: proxy.baseUrl, headers: proxy.headers, model: holdModel, count: opts.holdStreams, holdS: opts.holdS, pid: proxy.pid, openTimeoutMs: HOLD_OPEN_TIMEOUT_MS });
  } finally {
    await proxy.stop();
  }
}

async function startBenchUpstream(opts: BenchOptions, paths: BenchPaths, progress: Progress): Promise<number> {
  const port = await freePort();
  const logFile = join(paths.workDir, 'upstream.log');
  const script = fileURLToPath(new URL('./upstream-main.ts', import.meta.url));
  progress(`[upstream] starting on 127.0.0.1:${port} (${opts.streamChunks} chunks, ${opts.chunkDelayMs} ms apart)`);
  const p = startProcess('bench upstream', process.execPath, [script, String(port), String(opts.streamChunks), String(opts.chunkDelayMs)], { logFile });
  await waitForHttp(p, `http://127.0.0.1:${port}/v1/models`, 10_000, logFile);
  return port;
}
