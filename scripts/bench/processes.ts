// Every process the bench starts goes through here, so all of them can be stopped by PID at the
// end, on error and on Ctrl-C.
import { type ChildProcess, spawn, type SpawnOptions } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { request } from 'undici';

export interface Started {
  name: string;
  child: ChildProcess;
  pid: number;
  /** signal that stops it cleanly; Portkey ignores SIGTERM, so it gets SIGKILL */
  stopSignal: NodeJS.Signals;
}

const running = new Set<Started>();

/** Starts a process with stdout and stderr appended to logFile. */
export function startProcess(
  name: string,
  command: string,
  args: string[],
  opts: { logFile: string; env?: NodeJS.ProcessEnv; cwd?: string; stopSignal?: NodeJS.Signals },
): Started {
  const fd = openSync(opts.logFile, 'a');
  const spawnOpts: SpawnOptions = { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', fd, fd] };
  const child = spawn(command, args, spawnOpts);
  closeSync(fd);
  if (child.pid === undefined) throw new Error(`bench: could not start ${name} (${command}); is it installed?`);
  const started = { name, child, pid: child.pid, stopSignal: opts.stopSignal ?? 'SIGTERM' };
  running.add(started);
  child.once('exit', () => running.delete(started));
  return started;
}

/** Sends the stop signal by PID, then SIGKILL if it has not exited within graceMs; says which stopped it. */
export async function stopProcess(p: Started, graceMs = 3_000): Promise<'stopped' | 'killed'> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return 'stopped';
  const exited = new Promise<void>((resolve) => p.child.once('exit', () => resolve()));
  let killed = false;
  process.kill(p.pid, p.stopSignal);
  const timer = setTimeout(() => {
    if (p.child.exitCode !== null || p.child.signalCode !== null) return;
    killed = p.stopSignal !== 'SIGKILL';
    process.kill(p.pid, 'SIGKILL');
  }, graceMs);
  await exited;
  clearTimeout(timer);
  return killed ? 'killed' : 'stopped';
}

/** Processes started elsewhere (scripts/load's helpers) that stopAll must stop too; returns the way to forget one. */
const otherStops = new Set<() => Promise<void>>();
export function stopAlsoOnExit(stop: () => Promise<void>): () => void {
  otherStops.add(stop);
  return () => otherStops.delete(stop);
}

export async function stopAll(): Promise<void> {
  await Promise.all([...[...running].map((p) => stopProcess(p)), ...[...otherStops].map((stop) => stop())].map((p) => p.catch(() => undefined)));
}

/** Polls url until it answers (any status), or rejects with the log's tail if the process exits or time runs out. */
export async function waitForHttp(p: Started, url: string, timeoutMs: number, logFile: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (p.child.exitCode !== null || p.child.signalCode !== null) throw new Error(`bench: ${p.name} exited before it was ready. Its log (${logFile}):\n${tail(logFile)}`);
    try {
      const res = await request(url, { headersTimeout: 1_000, bodyTimeout: 1_000 });
      await res.body.dump();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`bench: ${p.name} did not answer ${url} within ${timeoutMs} ms. Its log (${logFile}):\n${tail(logFile)}`);
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').slice(-2000);
  } catch {
    return '(no log)';
  }
}

/** A port free on 127.0.0.1 right now (the OS picks it; the caller binds it at once). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
