// Starts `node bin/dropin.js proxy --config FILE` as a child process so its RSS and CPU can be
// sampled; --cpu-prof writes a V8 profile when it stops.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, startProcess, stopProcess, waitForHttp } from '../processes.ts';
import type { BenchPaths, Contender } from './contender.ts';
import { dropinConfig } from './dropin-config.ts';

export interface DropinOptions {
  models: string[];
  /** generic: the normalising path instead of the raw pass-through */
  profile?: 'openai' | 'generic';
  /** directory for a V8 CPU profile of the proxy; none when undefined */
  cpuProfileDir?: string;
}

export async function startDropin(paths: BenchPaths, upstreamPort: number, opts: DropinOptions): Promise<Contender> {
  const name = opts.profile === 'generic' ? 'dropin-generic' : 'dropin';
  const dir = join(paths.workDir, name);
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const configFile = join(dir, 'proxy.yaml');
  writeFileSync(configFile, dropinConfig(port, upstreamPort, opts.models, opts.profile));
  const logFile = join(dir, 'proxy.log');
  const profile = opts.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProfileDir}`] : [];
  const p = startProcess(name, process.execPath, [...profile, join(paths.repoRoot, 'bin', 'dropin.js'), 'proxy', '--config', configFile], {
    logFile,
    cwd: paths.repoRoot,
  });
  await waitForHttp(p, `http://127.0.0.1:${port}/v1/models`, 20_000, logFile);
  return {
    name,
    baseUrl: `http://127.0.0.1:${port}/v1`,
    headers: {},
    pid: p.pid,
    version: gitVersion(paths.repoRoot),
    // a graceful stop lets --cpu-prof write its profile
    stop: () => stopProcess(p, 10_000),
  };
}

function gitVersion(repoRoot: string): string {
  try {
    return `git ${execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim()}`;
  } catch {
    return 'unknown';
  }
}
