// Upstream faults after the first byte reached the client: no failover is possible any more, so
// the stream ends with an error event in the OpenAI envelope and no [DONE] — never a silent
// truncation. And slow or odd but sound answers pass through intact.
import { describe, expect, it } from 'vitest';
import { ssePayloads } from '../helpers/proxy.ts';
import { sseHead } from '../helpers/replies.ts';
import type { Reply } from '../helpers/upstream.ts';
import { MAX_RESPONSE_BYTES } from '../../upstream/call.ts';
import * as F from './fault-replies.ts';
import { lastLog, playScene, sendChat } from './harness.ts';

const upstreamError = F.partial((res) => res.end(`data: ${F.ERROR_EVENT}\n\n`));
const noDone: Reply = (_req, res) => {
  sseHead(res);
  res.end(F.STREAM.slice(0, 3).map((p) => `data: ${p}\n\n`).join(''));
};

interface Row {
  fault: string;
  reply: Reply;
  badTimeouts?: object;
  /** the error code of the last event */
  code: string;
  /** the log line's error */
  logged: string;
}

const ROWS: Row[] = [
  { fault: 'reset mid-stream', reply: F.resetMidBody, code: 'upstream_stream_failed', logged: 'upstream_stream_failed' },
  { fault: 'hang mid-stream', reply: F.hangMidBody, code: 'upstream_stream_failed', logged: 'upstream_stream_failed' },
  { fault: 'slow drip past the idle timeout', reply: F.slowDrip(1_500), code: 'upstream_stream_failed', logged: 'upstream_stream_failed' },
  {
    fault: 'slow drip past the total timeout',
    reply: F.slowDrip(200),
    badTimeouts: { connectMs: 200, firstByteMs: 400, totalMs: 500 },
    code: 'upstream_stream_failed',
    logged: 'upstream_stream_failed',
  },
  { fault: 'a data payload that is not JSON', reply: F.nonJsonMidStream, code: 'upstream_stream_failed', logged: 'upstream_stream_failed' },
  { fault: 'an error event', reply: upstreamError, code: 'null', logged: 'upstream_stream_failed' },
  { fault: 'EOF without [DONE]', reply: noDone, code: 'upstream_stream_failed', logged: 'upstream_stream_failed' },
];

describe.each(ROWS)('stream: $fault after the first event', ({ reply, badTimeouts, code, logged }) => {
  it('ends with an error event, no [DONE], no failover', async () => {
    await playScene(reply, { good: F.healthy, badTimeouts }, async ({ proxy, good }) => {
      const answer = await sendChat(proxy, { model: 'chain', stream: true });
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toMatch(/^text\/event-stream/);
      const payloads = ssePayloads(answer.text);
      expect(payloads[0]).toBe(F.STREAM[0]);
      expect(payloads).not.toContain('[DONE]');
      const last = JSON.parse(payloads.at(-1) ?? '{}');
      expect(Object.keys(last.error).sort()).toEqual(['code', 'message', 'param', 'type']);
      expect(String(last.error.code)).toBe(code);
      expect(good?.requests).toHaveLength(0);
      await expect.poll(() => proxy.logs.length).toBe(1);
      expect(lastLog(proxy)).toMatchObject({ backend: 'bad', attempts: 1, failovers: [], status: 200, error: logged });
    });
  });
});

describe('slow, odd or huge but sound answers pass through intact', () => {
  const patient = { firstByteMs: 2_000 };

  it('stream: events 100 ms apart', async () => {
    await playScene(F.slowDrip(100), { badTimeouts: patient }, async ({ proxy }) => {
      const answer = await sendChat(proxy, { model: 'chain', stream: true });
      expect(answer.text).toBe(F.STREAM_BYTES);
      expect(lastLog(proxy)).toMatchObject({ attempts: 1, status: 200 });
    });
  });

  it('non-stream: a body in pieces 100 ms apart', async () => {
    await playScene(F.slowDrip(100), { badTimeouts: patient }, async ({ proxy }) => {
      const answer = await sendChat(proxy, { model: 'chain' });
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.text).choices[0].message.content).toBe('Hello there');
    });
  });

  it('stream: garbage lines between events are relayed as they came (SSE parsers ignore them)', async () => {
    await playScene(F.garbageAroundEvents, {}, async ({ proxy }) => {
      const answer = await sendChat(proxy, { model: 'chain', stream: true });
      expect(ssePayloads(answer.text.replaceAll(/^(garbage line|noise)\n/gm, ''))).toEqual(F.STREAM);
      expect(lastLog(proxy)).toMatchObject({ attempts: 1, status: 200 });
      expect(lastLog(proxy).error).toBeUndefined();
    });
  });

  it('stream: a stream longer than the non-stream size cap, relayed whole', async () => {
    const events = Math.ceil(MAX_RESPONSE_BYTES / 500);
    await playScene(F.longStream(events), { badTimeouts: { totalMs: 60_000 } }, async ({ proxy }) => {
      const answer = await sendChat(proxy, { model: 'chain', stream: true });
      expect(answer.text.length).toBeGreaterThan(MAX_RESPONSE_BYTES);
      const payloads = ssePayloads(answer.text);
      expect(payloads).toHaveLength(events + 3);
      expect(payloads.at(-1)).toBe('[DONE]');
    });
  });
});
