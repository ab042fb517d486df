// Streaming load through the proxy: N clients (default 1000) for D seconds (default 60) against
// an upstream that numbers its chunks; verifies that no chunk is lost, duplicated or reordered,
// that no stream fails unexplained, and that aborts reach the upstream quickly (p99 < 100 ms).
//   npx tsx scripts/load/streams.ts [--clients 1000] [--seconds 60] [--json out.json]
// Exit code 0 when every goal is met, 1 when one is missed, 2 when the run itself broke.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { rssBytes } from '../bench/proc-stat.ts';
import { formatSummary } from './load-summary.ts';
import { startNumberedUpstream } from './numbered-upstream.ts';
import { runLoad } from './run-load.ts';

const options = new Command()
  .option('--clients <n>', 'concurrent streaming clients', '1000')
  .option('--seconds <n>', 'how long to run', '60')
  .option('--chunks <n>', 'chunks per stream', '20')
  .option('--delay-ms <n>', 'upstream delay between chunks', '50')
  .option('--abort-fraction <x>', 'share of streams the clients abort mid-way', '0.1')
  .option('--json <file>', 'also write the summary as JSON')
  .parse()
  .opts<{ clients: string; seconds: string; chunks: string; delayMs: string; abortFraction: string; json?: string }>();

const clients = Number(options.clients);
const upstream = await startNumberedUpstream({ chunks: Number(options.chunks), delayMs: Number(options.delayMs) });
const proxy = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./proxy-main.ts', import.meta.url)), upstream.baseUrl, String(clients * 2)], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
try {
  const proxyUrl = await firstLine(proxy).then((line) => (JSON.parse(line) as { url: string }).url);
  console.log(`load: ${clients} clients for ${options.seconds} s through ${proxyUrl} (proxy pid ${proxy.pid})`);
  const summary = await runLoad({
    proxyUrl,
    upstream,
    clients,
    seconds: Number(options.seconds),
    chunks: Number(options.chunks),
    abortFraction: Number(options.abortFraction),
    onProgress: (line) => console.log(line),
    proxyRss: () => readRss(proxy.pid),
  });
  console.log(formatSummary(summary));
  if (options.json) writeFileSync(options.json, `${JSON.stringify(summary, null, 2)}\n`);
  process.exitCode = summary.goalsMissed.length === 0 ? 0 : 1;
} catch (error) {
  console.error(`load: the run broke (${(error as Error).message}); nothing was measured.`);
  process.exitCode = 2;
} finally {
  proxy.kill('SIGTERM');
  await upstream.close();
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      lines.close();
      resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`the proxy exited with code ${code} before listening`)));
  });
}

function readRss(pid: number | undefined): number | undefined {
  try {
    return pid === undefined ? undefined : rssBytes(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return undefined;
  }
}
