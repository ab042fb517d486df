// A real redis-server for the shared-state tests: started on a free loopback port with nothing
// persisted, stopped (or killed mid-run, then restarted on the same port) by its PID.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { freePort } from '../../../conformance/targets/ollama.ts';
import type { Requirement } from '../../../conformance/test/requirements.ts';
import { RedisLink } from '../../state/redis-link.ts';

/** Path of redis-server, or undefined when it is not installed. */
export function findRedisServer(): string | undefined {
  for (const dir of ['/usr/bin', '/usr/local/bin', ...(process.env.PATH ?? '').split(delimiter)]) {
    const path = join(dir, 'redis-server');
    if (dir && existsSync(path)) return path;
  }
  return undefined;
}

/** For needs(): the shared-state tests run where redis-server is installed; CI (DROPIN_REQUIRE_REDIS=1) fails without it. */
export function redisRequirement(): Requirement {
  const missing = findRedisServer() ? undefined : 'redis-server is not installed (Debian: apt-get install -y redis-server)';
  return { what: 'Redis', missing, requireVar: 'DROPIN_REQUIRE_REDIS' };
}

export interface TestRedis {
  port: number;
  /** redis://[:password@]127.0.0.1:port */
  url: string;
  pid(): number | undefined;
  /** SIGKILL, as a crash would; resolves once the process is gone */
  kill(): Promise<void>;
  /** starts it again on the same port (after kill) */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startRedis(opts: { password?: string } = {}): Promise<TestRedis> {
  const bin = findRedisServer();
  if (!bin) throw new Error(redisRequirement().missing);
  const dir = mkdtempSync(join(tmpdir(), 'dropin-redis-'));
  const port = await freePort();
  let child: ChildProcess | undefined;
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'];
  if (opts.password) args.push('--requirepass', opts.password);
  const launch = async () => {
    child = await spawnReady(bin, args);
  };
  const kill = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    process.kill(running.pid as number, 'SIGKILL');
    await exited;
  };
  await launch();
  const auth = opts.password ? `:${encodeURIComponent(opts.password)}@` : '';
  return {
    port,
    url: `redis://${auth}127.0.0.1:${port}`,
    pid: () => child?.pid,
    kill,
    restart: launch,
    stop: async () => {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Spawns redis-server and resolves once it logs that it accepts connections. */
function spawnReady(bin: string, args: string[]): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (!output.includes('Ready to accept connections')) return;
      child.stdout?.off('data', onData);
      child.stdout?.resume();
      resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.resume();
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}) before it was ready:\n${output.slice(-2000)}`)));
  });
}


/**
 * A started RedisLink (what one replica holds), resolved once it can be used. Its timeout is
 * generous by default: on a busy test machine a 250 ms one would see stalls that are not there.
 */
export async function openLink(url: string, opts: { keyPrefix?: string; timeoutMs?: number; log?: (line: string) => void } = {}): Promise<RedisLink> {
  const link = new RedisLink({ url, keyPrefix: opts.keyPrefix ?? 'test', timeoutMs: opts.timeoutMs ?? 2_000 }, opts.log ?? (() => {}));
  link.start();
  await until(() => link.usable, 'the Redis link to connect');
  return link;
}

/** Polls `condition` every 20 ms until it holds; fails after `ms`. */
export async function until(condition: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
