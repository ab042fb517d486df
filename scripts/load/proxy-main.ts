// The proxy under load, in its own process (so its RSS and event loop are its own): in front of the
// numbered upstream given as the first argument, admitting as many concurrent requests as the second.
// Prints {"url": ...} on its first stdout line once it listens, then {"lag": {...}} every second.
// Stops on SIGTERM.
import { parseConfig } from '../../reference-proxy/config/load.ts';
import { startProxy } from '../../reference-proxy/index.ts';
import { startLagMonitor } from './loop-lag.ts';

const [upstreamBaseUrl, maxConcurrent] = process.argv.slice(2);
const STATS_EVERY_MS = 1_000;
const config = parseConfig({
  listen: { host: '127.0.0.1', port: 0 },
  // pinned to the raw pass-through (the path the load figures describe): no identification requests
  backends: [{ name: 'numbered', baseUrl: upstreamBaseUrl, models: ['load-model'], profile: 'openai' }],
  limits: { maxConcurrent: Number(maxConcurrent) },
});
const lag = startLagMonitor();
// one log line per stream would dominate the run; only failures are worth seeing
const proxy = await startProxy(config, { log: (line) => (/handler failed|"status":5\d\d/.test(line) ? process.stderr.write(`${line}\n`) : undefined) });
process.stdout.write(`${JSON.stringify({ url: proxy.url })}\n`);
const stats = setInterval(() => process.stdout.write(`${JSON.stringify({ lag: lag.stats() })}\n`), STATS_EVERY_MS);
process.once('SIGTERM', () => {
  clearInterval(stats);
  void proxy.close().then(() => process.exit(0));
});
