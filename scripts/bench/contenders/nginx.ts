// Starts Debian's nginx (installing it with apt-get when missing) with the bench's own config,
// pid and log paths under .tmp/bench/nginx, on 127.0.0.1 only.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, startProcess, stopProcess, waitForHttp } from '../processes.ts';
import type { BenchPaths, Contender } from './contender.ts';
import { nginxConf } from './nginx-conf.ts';

const NGINX = '/usr/sbin/nginx';

export async function startNginx(paths: BenchPaths, upstreamPort: number, progress: (line: string) => void): Promise<Contender> {
  ensureInstalled(progress);
  const dir = join(paths.workDir, 'nginx');
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const confFile = join(dir, 'nginx.conf');
  writeFileSync(confFile, nginxConf({ dir, port, upstreamPort }));
  const logFile = join(dir, 'stdout.log');
  const p = startProcess('nginx', NGINX, ['-p', dir, '-c', confFile, '-e', join(dir, 'error.log')], { logFile, stopSignal: 'SIGQUIT' });
  await waitForHttp(p, `http://127.0.0.1:${port}/v1/models`, 10_000, join(dir, 'error.log'));
  return {
    name: 'nginx',
    baseUrl: `http://127.0.0.1:${port}/v1`,
    headers: {},
    pid: p.pid,
    version: nginxVersion(),
    stop: () => stopProcess(p),
  };
}

function ensureInstalled(progress: (line: string) => void): void {
  if (existsSync(NGINX)) return;
  progress('nginx is missing: installing it with apt-get (Debian package nginx)');
  execFileSync('apt-get', ['install', '-y', '-q', 'nginx'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

function nginxVersion(): string {
  const r = spawnSync(NGINX, ['-v'], { encoding: 'utf8' });
  return `${r.stderr}${r.stdout}`.trim().replace(/^nginx version: nginx\//, '');
}
