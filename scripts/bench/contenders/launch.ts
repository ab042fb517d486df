// The command line of each process-backed contender, kept apart from starting it so the choice of
// runtime, script and flags can be tested without running anything.
import { join } from 'node:path';

export type Runtime = 'node' | 'bun';

export interface Launch {
  command: string;
  args: string[];
}

/** Bun comes from the `bun` dev dependency, whose package ships the binary. */
export function bunPath(repoRoot: string): string {
  return join(repoRoot, 'node_modules', '.bin', 'bun');
}

/** A minimal proxy: its script run directly by the runtime (Node strips the types itself, no tsx). */
export function minimalLaunch(runtime: Runtime, repoRoot: string, port: number, upstreamPort: number, preload?: string): Launch {
  const script = join(repoRoot, 'scripts', 'bench', 'contenders', `${runtime}-minimal-proxy.ts`);
  const args = [script, String(port), `http://127.0.0.1:${upstreamPort}`];
  if (runtime === 'bun') return { command: bunPath(repoRoot), args };
  return { command: process.execPath, args: [...(preload ? ['--import', preload] : []), ...args] };
}

export interface DropinLaunchInput {
  runtime: Runtime;
  repoRoot: string;
  configFile: string;
  /** a module preloaded with --import (Node only): the bench's windowed profiler */
  preload?: string;
}

/** `dropin proxy --config FILE` through bin/dropin.js, the way a user starts it, on either runtime. */
export function dropinLaunch(i: DropinLaunchInput): Launch {
  const cli = [join(i.repoRoot, 'bin', 'dropin.js'), 'proxy', '--config', i.configFile];
  if (i.runtime === 'bun') return { command: bunPath(i.repoRoot), args: cli };
  return { command: process.execPath, args: [...(i.preload ? ['--import', i.preload] : []), ...cli] };
}
