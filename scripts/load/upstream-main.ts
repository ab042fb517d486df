// The numbered upstream under load, in its own process, so that the load clients' work cannot
// delay the moment it notices a close. Arguments: chunks per stream, delay between chunks (ms).
// Prints {"url": ...} once it listens, then JSON lines: {"closed": [[streamId, epochMs], ...]}
// as early closes happen and {"finished": [streamId, ...]} as streams are sent whole (batched), and {"completed": n, "lag": {...}} every second. Stops on SIGTERM.
import { startLagMonitor } from './loop-lag.ts';
import { startNumberedUpstream } from './numbered-upstream.ts';

const [chunks, delayMs] = process.argv.slice(2).map(Number);
const CLOSES_EVERY_MS = 25;
const STATS_EVERY_MS = 1_000;

let closes: [string, number][] = [];
let finished: string[] = [];
const lag = startLagMonitor();
const upstream = await startNumberedUpstream({ chunks, delayMs, onClosedEarly: (streamId, at) => closes.push([streamId, at]), onFinished: (streamId) => finished.push(streamId) });
const send = (message: object) => process.stdout.write(`${JSON.stringify(message)}\n`);
send({ url: upstream.baseUrl });
const flushCloses = () => {
  if (closes.length > 0) send({ closed: closes });
  if (finished.length > 0) send({ finished });
  closes = [];
  finished = [];
};
const timers = [setInterval(flushCloses, CLOSES_EVERY_MS), setInterval(() => send({ completed: upstream.completed(), lag: lag.stats() }), STATS_EVERY_MS)];
process.once('SIGTERM', () => {
  for (const timer of timers) clearInterval(timer);
  void upstream.close().then(() => process.exit(0));
});
