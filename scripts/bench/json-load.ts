// One non-streaming point: autocannon POSTs a tiny chat completion at a fixed concurrency for a
// few seconds. Latencies are collected from its per-response events (sub-millisecond, 2xx only)
// rather than its histogram, which rounds to whole milliseconds.
import autocannon from 'autocannon';
import { percentile } from './stats.ts';

export interface JsonPointInput {
  baseUrl: string;
  headers: Record<string, string>;
  concurrency: number;
  durationS: number;
}

export interface JsonLoad {
  ok: number;
  failed: number;
  statuses: Record<string, number>;
  requestsPerSec: number;
  latencyP50Ms: number | null;
  latencyP99Ms: number | null;
}

export const JSON_BODY = JSON.stringify({ model: 'bench', messages: [{ role: 'user', content: 'Say ok.' }], max_tokens: 4 });

export function runJsonPoint(input: JsonPointInput): Promise<JsonLoad> {
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const tracker = autocannon(
      {
        url: `${input.baseUrl}/chat/completions`,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...input.headers },
        body: JSON_BODY,
        connections: input.concurrency,
        duration: input.durationS,
        timeout: 10,
      },
      (err, result) => {
        if (err) return reject(err);
        const statuses = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]));
        resolve({
          ok: result['2xx'],
          failed: result.errors + result.timeouts + result.non2xx,
          statuses,
          requestsPerSec: result.duration > 0 ? result['2xx'] / result.duration : 0,
          latencyP50Ms: percentile(latencies, 50),
          latencyP99Ms: percentile(latencies, 99),
        });
      },
    );
    tracker.on('response', (_client: unknown, status: number, _bytes: number, timeMs: number) => {
      if (status >= 200 && status < 300) latencies.push(timeMs);
    });
  });
}
