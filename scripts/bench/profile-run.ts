// --cpu-prof: fresh dropin and node-minimal proxies, warmed up, each profiled during one
// non-streaming point at c=64 only (contenders/cpu-prof-window.mjs starts and stops V8's profiler
// on SIGUSR2), and each profile broken down into where a request's CPU time goes. Set side by
// side, the two say where dropin's cost above its runtime's floor comes from.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchPaths, Contender } from './contenders/contender.ts';
import { startDropin } from './contenders/dropin.ts';
import { startMinimal } from './contenders/minimal.ts';
import { type CostBreakdown, costBreakdown } from './cost-breakdown.ts';
import { type CpuProfile, type Hotspot, summarizeProfile } from './cpu-profile-summary.ts';
import { cpuUsPerRequest } from './floor.ts';
import { runJsonPoint } from './json-load.ts';
import type { BenchOptions } from './options.ts';
import { ProcSampler } from './proc-sampler.ts';
import type { Progress } from './run-contender.ts';

const PRELOAD = fileURLToPath(new URL('./contenders/cpu-prof-window.mjs', import.meta.url));
export const PROFILE_CONCURRENCY = 64;
const WARMUP_S = 3;

export interface ProfiledProxy extends CostBreakdown {
  contender: 'dropin' | 'node-minimal';
  requestsPerSec: number;
  /** CPU µs per request from /proc during the profiled point (profiler included), the basis of usPerRequest */
  cpuUsPerRequest: number | null;
  /** the functions with the most self time */
  topFunctions: Hotspot[];
  /** the profile itself, for a closer look in Chrome DevTools or speedscope */
  file: string;
}

export interface ProfileResult {
  concurrency: number;
  durationS: number;
  proxies: ProfiledProxy[];
}

export async function profileProxies(opts: BenchOptions, paths: BenchPaths, upstreamPort: number, progress: Progress): Promise<ProfileResult> {
  const proxies: ProfiledProxy[] = [];
  for (const name of ['node-minimal', 'dropin'] as const) proxies.push(await profileOne(name, opts, paths, upstreamPort, progress));
  return { concurrency: PROFILE_CONCURRENCY, durationS: opts.durationS, proxies };
}

async function profileOne(name: 'dropin' | 'node-minimal', opts: BenchOptions, paths: BenchPaths, upstreamPort: number, progress: Progress): Promise<ProfiledProxy> {
  const dir = join(paths.workDir, 'profiles');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}-c${PROFILE_CONCURRENCY}-${Date.now()}.cpuprofile`);
  const launch = { preload: PRELOAD, env: { ...process.env, DROPIN_BENCH_PROFILE: file } };
  progress(`[${name}] starting a fresh proxy to profile at c=${PROFILE_CONCURRENCY}`);
  const proxy: Contender = name === 'dropin' ? await startDropin(paths, upstreamPort, { models: ['bench'], ...launch }) : await startMinimal('node', paths, upstreamPort, launch);
  try {
    const target = { baseUrl: proxy.baseUrl, headers: proxy.headers };
    progress(`[${name}] profile warm-up ${WARMUP_S} s`);
    await runJsonPoint({ ...target, concurrency: PROFILE_CONCURRENCY, durationS: WARMUP_S });
    await signalAndWait(proxy.pid!, `${file}.started`);
    progress(`[${name}] profiling non-streaming c=${PROFILE_CONCURRENCY} for ${opts.durationS} s`);
    const sampler = new ProcSampler(proxy.pid!);
    const load = await runJsonPoint({ ...target, concurrency: PROFILE_CONCURRENCY, durationS: opts.durationS });
    const cpu = cpuUsPerRequest({ concurrency: PROFILE_CONCURRENCY, ...load, proc: sampler.stop() });
    await signalAndWait(proxy.pid!, file);
    rmSync(`${file}.started`, { force: true });
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    const top = summarizeProfile(profile, 12, paths.repoRoot).functions;
    return { contender: name, requestsPerSec: load.requestsPerSec, cpuUsPerRequest: cpu, topFunctions: top, file, ...costBreakdown(profile, load.ok, paths.repoRoot, cpu) };
  } finally {
    await proxy.stop();
  }
}

async function signalAndWait(pid: number, marker: string): Promise<void> {
  process.kill(pid, 'SIGUSR2');
  const deadline = performance.now() + 15_000;
  while (!existsSync(marker)) {
    if (performance.now() > deadline) throw new Error(`bench: the profiled proxy did not write ${marker} within 15 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
