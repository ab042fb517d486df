// The proxy under load, in its own process (so its RSS is its own): in front of the numbered
// upstream given as the first argument, admitting as many concurrent requests as the second.
// Prints {"url": ...} on its first stdout line once it listens; stops on SIGTERM.
import { parseConfig } from '../../reference-proxy/config/load.ts';
import { startProxy } from '../../reference-proxy/index.ts';

const [upstreamBaseUrl, maxConcurrent] = process.argv.slice(2);
const config = parseConfig({
  listen: { host: '127.0.0.1', port: 0 },
  backends: [{ name: 'numbered', baseUrl: upstreamBaseUrl, models: ['load-model'] }],
  limits: { maxConcurrent: Number(maxConcurrent) },
});
// one log line per stream would dominate the run; only failures are worth seeing
const proxy = await startProxy(config, { log: (line) => (/handler failed|"status":5\d\d/.test(line) ? process.stderr.write(`${line}\n`) : undefined) });
process.stdout.write(`${JSON.stringify({ url: proxy.url })}\n`);
process.once('SIGTERM', () => void proxy.close().then(() => process.exit(0)));
