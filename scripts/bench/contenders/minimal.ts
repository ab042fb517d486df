// Starts a minimal proxy (node-minimal or bun-minimal) in front of the bench upstream.
import { join } from 'node:path';
import { freePort, startProcess, stopProcess, waitForHttp } from '../processes.ts';
import { bunVersion, requireBun } from './bun.ts';
import type { BenchPaths, Contender } from './contender.ts';
import { minimalLaunch, type Runtime } from './launch.ts';

export interface MinimalOptions {
  /** a module preloaded with --import (Node only): the bench's windowed profiler */
  preload?: string;
  env?: NodeJS.ProcessEnv;
}

export async function startMinimal(runtime: Runtime, paths: BenchPaths, upstreamPort: number, opts: MinimalOptions = {}): Promise<Contender> {
  if (runtime === 'bun') requireBun(paths.repoRoot);
  const name = runtime === 'bun' ? 'bun-minimal' : 'node-minimal';
  const port = await freePort();
  const logFile = join(paths.workDir, `${name}.log`);
  const { command, args } = minimalLaunch(runtime, paths.repoRoot, port, upstreamPort, opts.preload);
  const p = startProcess(name, command, args, { logFile, cwd: paths.repoRoot, env: opts.env });
  await waitForHttp(p, `http://127.0.0.1:${port}/healthz`, 20_000, logFile);
  return {
    name,
    baseUrl: `http://127.0.0.1:${port}/v1`,
    headers: {},
    pid: p.pid,
    version: runtime === 'bun' ? `Bun ${bunVersion(paths.repoRoot)}` : `Node ${process.version}`,
    logFile,
    stop: () => stopProcess(p),
  };
}
