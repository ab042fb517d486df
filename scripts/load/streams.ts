// Streaming load through the proxy: N clients (default 1000) for D seconds (default 60) against
// an upstream that numbers its chunks; verifies that no chunk is lost, duplicated or reordered,
// that no stream fails unexplained, and that aborts reach the upstream quickly (p99 < 100 ms).
// The clients (this process), the proxy and the upstream each run in their own process, so the
// abort delay is measured from the client's abort() to the upstream's socket close on a clock they
// share, and each process's event-loop lag is reported beside it.
//   npx tsx scripts/load/streams.ts [--clients 1000] [--seconds 60] [--json out.json]
// Exit code 0 when every goal is met, 1 when one is missed, 2 when the run itself broke.
import { readFileSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { rssBytes } from '../bench/proc-stat.ts';
import { type LoadProcess, startProxyProcess, startUpstreamProcess } from './load-process.ts';
import { formatSummary } from './load-summary.ts';
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
const started: LoadProcess[] = [];
const stopAll = () => Promise.all(started.map((p) => p.stop()));
// Ctrl-C: stop the helper processes by their PIDs before leaving
process.once('SIGINT', () => {
  console.error('load: interrupted; stopping the proxy and the upstream.');
  void stopAll().then(() => process.exit(130));
});
try {
  const upstream = await startUpstreamProcess({ chunks: Number(options.chunks), delayMs: Number(options.delayMs) });
  started.push(upstream);
  const proxy = await startProxyProcess(upstream.url, clients * 2);
  started.push(proxy);
  console.log(`load: ${clients} clients for ${options.seconds} s through ${proxy.url} (proxy pid ${proxy.pid}, upstream pid ${upstream.pid})`);
  const summary = await runLoad({
    proxyUrl: proxy.url,
    upstream,
    clients,
    seconds: Number(options.seconds),
    chunks: Number(options.chunks),
    abortFraction: Number(options.abortFraction),
    onProgress: (line) => console.log(line),
    proxyRss: () => readRss(proxy.pid),
    otherLags: () => ({ upstream: upstream.lag(), proxy: proxy.lag() }),
  });
  console.log(formatSummary(summary));
  if (options.json) writeFileSync(options.json, `${JSON.stringify(summary, null, 2)}\n`);
  process.exitCode = summary.goalsMissed.length === 0 ? 0 : 1;
} catch (error) {
  console.error(`load: the run broke (${(error as Error).message}); nothing was measured.`);
  process.exitCode = 2;
} finally {
  await stopAll();
}

function readRss(pid: number): number | undefined {
  try {
    return rssBytes(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return undefined;
  }
}
