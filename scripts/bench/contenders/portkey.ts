// Starts the Portkey AI gateway, installed with npm into .tmp/bench/portkey when missing (it is
// not a project dependency), pointed at the bench upstream as an OpenAI custom host.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startProcess, stopProcess, waitForHttp } from '../processes.ts';
import type { BenchPaths, Contender } from './contender.ts';

const PACKAGE = '@portkey-ai/gateway';
const PRELOAD = join(dirname(fileURLToPath(import.meta.url)), 'portkey-loopback.mjs');

export async function startPortkey(paths: BenchPaths, upstreamPort: number, progress: (line: string) => void): Promise<Contender> {
  const dir = join(paths.workDir, 'portkey');
  const pkgDir = join(dir, 'node_modules', ...PACKAGE.split('/'));
  ensureInstalled(dir, pkgDir, progress);
  const port = await freePort();
  const logFile = join(dir, 'gateway.log');
  const p = startProcess('portkey', process.execPath, ['--import', PRELOAD, join(pkgDir, 'build', 'start-server.js'), `--port=${port}`, '--headless'], {
    logFile,
    cwd: dir,
    env: { ...process.env, NODE_ENV: 'production' },
    // the gateway ignores SIGTERM and SIGINT
    stopSignal: 'SIGKILL',
  });
  await waitForHttp(p, `http://127.0.0.1:${port}/`, 20_000, logFile);
  return {
    name: 'portkey',
    baseUrl: `http://127.0.0.1:${port}/v1`,
    headers: {
      'x-portkey-provider': 'openai',
      'x-portkey-custom-host': `http://127.0.0.1:${upstreamPort}/v1`,
      authorization: 'Bearer bench',
    },
    pid: p.pid,
    version: (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version,
    stop: () => stopProcess(p),
  };
}

function ensureInstalled(dir: string, pkgDir: string, progress: (line: string) => void): void {
  if (existsSync(join(pkgDir, 'build', 'start-server.js'))) return;
  progress(`${PACKAGE} is missing: installing it with npm into ${dir} (not a project dependency)`);
  mkdirSync(dir, { recursive: true });
  const npm = (args: string[]) => execFileSync('npm', args, { cwd: dir, stdio: 'ignore' });
  if (!existsSync(join(dir, 'package.json'))) npm(['init', '-y']);
  npm(['install', '--no-audit', '--no-fund', PACKAGE]);
}
