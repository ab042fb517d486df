// Upstream faults that happen before anything reached the client: each fails over to a healthy
// second backend, and with no second backend the client gets the documented error envelope.
// One test per fault × {stream, non-stream} × {with a healthy backend, alone}.
import { describe, expect, it } from 'vitest';
import type { Reply } from '../helpers/upstream.ts';
import * as F from './fault-replies.ts';
import { expectEnvelope, lastLog, playScene, sendChat } from './harness.ts';

type Mode = 'stream' | 'json';

interface Row {
  fault: string;
  reply: Reply | 'refused';
  modes: Mode[];
  /** the failover reason the log line records */
  reason: string;
  /** what a client gets when this was the only backend */
  alone: { status: number; code: string | null; type: string; retryAfter?: string | null };
  badTimeouts?: object;
}

const unavailable = { status: 502, code: 'upstream_unavailable', type: 'server_error' };
const both: Mode[] = ['stream', 'json'];

const ROWS: Row[] = [
  { fault: 'connection refused', reply: 'refused', modes: both, reason: 'connect', alone: unavailable },
  { fault: 'reset before headers', reply: F.resetBeforeHeaders, modes: both, reason: 'reset', alone: unavailable },
  { fault: 'hang before headers', reply: F.hangBeforeHeaders, modes: both, reason: 'timeout', alone: { status: 504, code: 'upstream_timeout', type: 'server_error' } },
  { fault: 'reset mid-body', reply: F.resetMidBody, modes: ['json'], reason: 'reset', alone: unavailable },
  { fault: 'hang mid-body', reply: F.hangMidBody, modes: ['json'], reason: 'timeout', alone: { status: 504, code: 'upstream_timeout', type: 'server_error' } },
  {
    fault: 'slow drip past the idle timeout',
    reply: F.slowDrip(1_500),
    modes: ['json'],
    reason: 'timeout',
    alone: { status: 504, code: 'upstream_timeout', type: 'server_error' },
  },
  {
    fault: '429 with Retry-After',
    reply: F.status(429, { 'retry-after': '7' }),
    modes: both,
    reason: 'status_429',
    alone: { status: 429, code: null, type: 'rate_limit_error', retryAfter: '7' },
  },
  { fault: '429 without Retry-After', reply: F.status(429), modes: both, reason: 'status_429', alone: { status: 429, code: null, type: 'rate_limit_error', retryAfter: null } },
  { fault: '500', reply: F.status(500), modes: both, reason: 'status_500', alone: { status: 500, code: null, type: 'server_error' } },
  { fault: '502', reply: F.status(502), modes: both, reason: 'status_502', alone: { status: 502, code: null, type: 'server_error' } },
  { fault: '503', reply: F.status(503), modes: both, reason: 'status_503', alone: { status: 503, code: null, type: 'server_error' } },
  { fault: 'malformed JSON body', reply: F.malformedJson, modes: ['json'], reason: 'malformed', alone: unavailable },
  { fault: 'wrong content type (200 text/html)', reply: F.html, modes: both, reason: 'malformed', alone: unavailable },
  { fault: 'SSE of garbage lines, no event', reply: F.garbageLines, modes: ['stream'], reason: 'malformed', alone: unavailable },
  { fault: 'SSE opening with an error event', reply: F.errorFirst, modes: ['stream'], reason: 'stream_error', alone: unavailable },
  { fault: 'SSE whose first payload is not JSON', reply: F.nonJsonFirst, modes: ['stream'], reason: 'malformed', alone: unavailable },
  { fault: 'huge non-stream body (65 MiB)', reply: F.hugeJson(65 * 2 ** 20), modes: ['json'], reason: 'too_large', alone: unavailable },
];

const cases = ROWS.flatMap((row) => row.modes.map((mode) => ({ ...row, mode })));

describe.each(cases)('$fault ($mode)', ({ reply, mode, reason, alone, badTimeouts }) => {
  const stream = mode === 'stream';

  it('fails over to the healthy backend', async () => {
    await playScene(reply, { good: F.healthy, badTimeouts }, async ({ proxy, good }) => {
      const answer = await sendChat(proxy, { model: 'chain', stream });
      expect(answer.status).toBe(200);
      if (stream) expect(answer.text).toBe(F.STREAM_BYTES);
      else expect(JSON.parse(answer.text).choices[0].message.content).toBe('Hello there');
      await expect.poll(() => proxy.logs.length).toBe(1);
      expect(lastLog(proxy)).toMatchObject({ backend: 'good', failovers: [reason], status: 200 });
      expect(good?.requests).toHaveLength(1);
    });
  });

  it(`alone, answers ${alone.status} ${alone.code ?? alone.type}`, async () => {
    await playScene(reply, { badTimeouts }, async ({ proxy }) => {
      const answer = await sendChat(proxy, { model: 'chain', stream });
      expect(answer.status).toBe(alone.status);
      expect(answer.headers['content-type']).toBe('application/json');
      expect(expectEnvelope(answer.text)).toMatchObject({ code: alone.code, type: alone.type });
      if (alone.retryAfter !== undefined) expect(answer.headers['retry-after']).toBe(alone.retryAfter ?? undefined);
      await expect.poll(() => proxy.logs.length).toBe(1);
      expect(lastLog(proxy)).toMatchObject({ backend: 'bad', attempts: 2, status: alone.status });
    });
  });
});
