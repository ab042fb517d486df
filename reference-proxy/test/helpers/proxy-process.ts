// `dropin proxy` as a separate process, as users run it: the config is written to a file, the
// listening URL read from stderr, each stdout line (request logs, state warnings) kept. Run by
// Node (this one) or by Bun (the `bun` dev dependency's binary).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = new URL('../../../bin/dropin.js', import.meta.url).pathname;
/** Bun, from the `bun` dev dependency (its npm package ships the binary) */
export const BUN = new URL('../../../node_modules/.bin/bun', import.meta.url).pathname;

export interface ProxyProcess {
  url: string;
  pid: number;
  stdout: string[];
  stderr: string[];
  /** resolves with the exit code (or the signal's name) */
  exited: Promise<number | string>;
  /** resolves once stderr has shown a line matching `pattern` */
  waitForStderr(pattern: RegExp): Promise<void>;
  signal(name: NodeJS.Signals): void;
  /** SIGKILL unless it has already exited; removes the config file */
  stop(): Promise<void>;
}

export async function startProxyProcess(config: unknown, env: Record<string, string> = {}, runtime: 'node' | 'bun' = 'node'): Promise<ProxyProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'dropin-proxy-'));
  const file = join(dir, 'proxy.json');
  writeFileSync(file, JSON.stringify(config));
  const child = spawn(runtime === 'bun' ? BUN : process.execPath, [BIN, 'proxy', '--config', file], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const watchers: Array<() => void> = [];
  lines(child, 'stdout', (line) => stdout.push(line));
  lines(child, 'stderr', (line) => {
    stderr.push(line);
    for (const w of watchers) w();
  });
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const waitForStderr = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (stderr.some((l) => pattern.test(l))) resolve();
      };
      watchers.push(check);
      check();
      void exited.then((code) => reject(new Error(`dropin proxy exited (${code}) before printing ${pattern}:\n${stderr.join('\n')}`)));
    });
  await waitForStderr(/listening on/);
  const url = /listening on (\S+)/.exec(stderr.find((l) => l.includes('listening on')) as string)?.[1] as string;
  return {
    url,
    pid: child.pid as number,
    stdout,
    stderr,
    exited,
    waitForStderr,
    signal: (name) => process.kill(child.pid as number, name),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        process.kill(child.pid as number, 'SIGKILL');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function lines(child: ChildProcess, stream: 'stdout' | 'stderr', onLine: (line: string) => void): void {
  let rest = '';
  child[stream]?.setEncoding('utf8');
  child[stream]?.on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    for (const line of parts) if (line !== '') onLine(line);
  });
}
