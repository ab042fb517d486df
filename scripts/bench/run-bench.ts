// One bench run: start the upstream, then each contender in turn (only one proxy alive at a time,
// so they do not compete for the two cores), measure it, stop it; hold streams through fresh
// dropin and node-minimal processes; profile dropin at c=64 when asked; then compare and judge.
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ratiosToDirect } from './compare.ts';
import { CONTENDER_LABELS, type BenchPaths, type Contender } from './contenders/contender.ts';
import { findingsFor, stopNote } from './findings.ts';
import { measureChunkCpu } from './chunk-cpu.ts';
import { measureResponsesCpu } from './responses-chunk-cpu.ts';
import { floorRows } from './floor.ts';
import { genericCost } from './generic-cost.ts';
import { judgeGoals } from './goals.ts';
import { HOLD_CONTENDERS, HoldRunner } from './hold-run.ts';
import type { HoldResult } from './hold-streams.ts';
import type { BenchOptions } from './options.ts';
import { freePort, startProcess, waitForHttp } from './processes.ts';
import { profileProxies } from './profile-run.ts';
import type { BenchResults, ContenderResult } from './results.ts';
import { type Progress, runContender } from './run-contender.ts';
import { startContender } from './start-contender.ts';

/** Streams per in-process measurement of the Responses paths: about a second each on a busy 2-core machine. */
const RESPONSES_STREAMS = 4000;

export async function runBench(opts: BenchOptions, paths: BenchPaths, progress: Progress): Promise<BenchResults> {
  const startedAt = new Date().toISOString();
  const loadBefore = loadavg();
  const upstreamPort = await startBenchUpstream(opts, paths, progress);
  const contenders: ContenderResult[] = [];
  const holds: HoldResult[] = [];
  const notes: string[] = [];
  const holdRunner = new HoldRunner(opts, paths, progress);
  try {
    for (const name of opts.contenders) {
      progress(`[${name}] starting`);
      let contender: Contender;
      try {
        contender = await startContender(name, { paths, upstreamPort, models: ['bench'], progress });
      } catch (error) {
        progress(`[${name}] could not start: ${(error as Error).message}`);
        contenders.push({ name, label: CONTENDER_LABELS[name], version: 'unknown', error: (error as Error).message.split('\n')[0], streamProbe: null, json: [], stream: [] });
        continue;
      }
      try {
        contenders.push(await runContender(contender, opts, progress));
      } finally {
        progress(`[${name}] stopping`);
        if ((await contender.stop()) === 'killed') notes.push(stopNote(CONTENDER_LABELS[name], readOr(contender.logFile)));
      }
      if (HOLD_CONTENDERS.includes(name) && opts.holdStreams > 0) holds.push(await holdRunner.run(name));
    }
  } finally {
    await holdRunner.close();
  }
  const profile = opts.cpuProf ? await profileProxies(opts, paths, upstreamPort, progress) : undefined;
  const ratios = ratiosToDirect(contenders);
  const floor = floorRows(contenders, ratios);
  const load = { before: round2(loadBefore), after: round2(loadavg()) };
  return {
    schemaVersion: 1,
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model.trim() ?? 'unknown', node: process.version, kernel: release(), loadAverage: load },
    settings: { durationS: opts.durationS, warmupS: opts.warmupS, concurrencies: opts.concurrencies, streamChunks: opts.streamChunks, chunkDelayMs: opts.chunkDelayMs, quick: opts.quick },
    contenders,
    ratios,
    floor,
    hold: holds.find((h) => h.contender === 'dropin') ?? null,
    holds,
    ...(opts.contenders.includes('dropin-generic') ? { genericCost: { endToEnd: genericCost(contenders), inProcess: measureChunkCpu(opts.streamChunks) } } : {}),
    ...(opts.contenders.includes('dropin') ? { responsesCost: measureResponsesCpu(opts.streamChunks, RESPONSES_STREAMS) } : {}),
    ...(profile ? { profile } : {}),
    goals: judgeGoals({ contenders, ratios, floor, holds }),
    findings: [...findingsFor(contenders, holds, process.version), ...notes],
  };
}

function readOr(file: string | undefined): string {
  try {
    return file ? readFileSync(file, 'utf8') : '';
  } catch {
    return '';
  }
}

function round2(values: number[]): number[] {
  return values.map((v) => Math.round(v * 100) / 100);
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
