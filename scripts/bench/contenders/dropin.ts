// Starts `dropin proxy --config FILE` (bin/dropin.js) as a child process so its RSS and CPU can be
// sampled: with Node, or with Bun for dropin-bun.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, startProcess, stopProcess, waitForHttp } from '../processes.ts';
import { bunVersion, requireBun } from './bun.ts';
import type { BenchPaths, Contender, ContenderName } from './contender.ts';
import { dropinConfig } from './dropin-config.ts';
import { dropinLaunch, type Runtime } from './launch.ts';

export interface DropinOptions {
  models: string[];
  /** generic: the normalising path instead of the raw pass-through */
  profile?: 'openai' | 'generic';
  /** node (default) or bun */
  runtime?: Runtime;
  /** a module preloaded with --import (Node only) */
  preload?: string;
  env?: NodeJS.ProcessEnv;
}

export function dropinName(opts: Pick<DropinOptions, 'profile' | 'runtime'>): ContenderName {
  if (opts.runtime === 'bun') return 'dropin-bun';
  return opts.profile === 'generic' ? 'dropin-generic' : 'dropin';
}

export async function startDropin(paths: BenchPaths, upstreamPort: number, opts: DropinOptions): Promise<Contender> {
  const runtime = opts.runtime ?? 'node';
  if (runtime === 'bun') requireBun(paths.repoRoot);
  const name = dropinName(opts);
  const dir = join(paths.workDir, name);
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const configFile = join(dir, 'proxy.yaml');
  writeFileSync(configFile, dropinConfig(port, upstreamPort, opts.models, opts.profile));
  const logFile = join(dir, 'proxy.log');
  const { command, args } = dropinLaunch({ runtime, repoRoot: paths.repoRoot, configFile, preload: opts.preload });
  const p = startProcess(name, command, args, { logFile, cwd: paths.repoRoot, env: opts.env });
  await waitForHttp(p, `http://127.0.0.1:${port}/v1/models`, 20_000, logFile);
  const git = gitVersion(paths.repoRoot);
  return {
    name,
    baseUrl: `http://127.0.0.1:${port}/v1`,
    headers: {},
    pid: p.pid,
    version: runtime === 'bun' ? `${git}, Bun ${bunVersion(paths.repoRoot)}` : git,
    logFile,
    // the proxy drains (idle by then) and exits, on either runtime
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
