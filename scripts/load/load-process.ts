// A helper process of the load run (the proxy, the upstream): started with tsx, it prints
// {"url": ...} on its first stdout line once it listens and one JSON object per line after that.
// Stopped by its PID: SIGTERM, then SIGKILL if it has not exited within a few seconds.
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { LagStats } from './loop-lag.ts';

export interface LoadProcess {
  pid: number;
  url: string;
  stop(): Promise<void>;
}

export interface UpstreamProcess extends LoadProcess {
  /** stream id -> epoch ms when the upstream saw that stream's connection close before its end */
  closedEarly: Map<string, number>;
  /** streams the upstream sent whole, [DONE] included */
  finished: Set<string>;
  /** streams completed to [DONE], as of the last report */
  completed(): number;
  /** the upstream's event-loop lag, as of the last report */
  lag(): LagStats | undefined;
}

export interface ProxyProcess extends LoadProcess {
  lag(): LagStats | undefined;
}

export async function startUpstreamProcess(opts: { chunks: number; delayMs: number }): Promise<UpstreamProcess> {
  const closedEarly = new Map<string, number>();
  const finished = new Set<string>();
  let completed = 0;
  let lag: LagStats | undefined;
  const child = await startLoadProcess('./upstream-main.ts', [String(opts.chunks), String(opts.delayMs)], (message) => {
    for (const [streamId, at] of (message.closed as [string, number][] | undefined) ?? []) closedEarly.set(streamId, at);
    for (const streamId of (message.finished as string[] | undefined) ?? []) finished.add(streamId);
    if (typeof message.completed === 'number') completed = message.completed;
    if (message.lag) lag = message.lag as LagStats;
  });
  return { ...child, closedEarly, finished, completed: () => completed, lag: () => lag };
}

export async function startProxyProcess(upstreamBaseUrl: string, maxConcurrent: number): Promise<ProxyProcess> {
  let lag: LagStats | undefined;
  const child = await startLoadProcess('./proxy-main.ts', [upstreamBaseUrl, String(maxConcurrent)], (message) => {
    if (message.lag) lag = message.lag as LagStats;
  });
  return { ...child, lag: () => lag };
}

const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

/** `script` is a file beside this one; `onMessage` gets every line after the first, parsed. */
export async function startLoadProcess(script: string, args: string[], onMessage: (message: Record<string, unknown>) => void): Promise<LoadProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(script, import.meta.url)), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const stop = () => stopChild(child);
  try {
    const url = await firstUrl(child, script, onMessage);
    return { pid: child.pid!, url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function firstUrl(child: ChildProcess, script: string, onMessage: (message: Record<string, unknown>) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start listening within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
    const onExit = (code: number | null) => reject(new Error(`${script} exited with code ${code} before listening`));
    child.once('exit', onExit);
    let first = true;
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const message = JSON.parse(line) as Record<string, unknown>;
      if (!first) return onMessage(message);
      first = false;
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve(String(message.url));
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
