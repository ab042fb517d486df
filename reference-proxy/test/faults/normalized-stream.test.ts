// The same stream faults against a backend whose stream is de-framed and normalised (the ollama
// profile) rather than piped: the outcomes match the piped path's, with the normaliser's reasons
// and error codes.
import { describe, expect, it } from 'vitest';
import { ssePayloads } from '../helpers/proxy.ts';
import type { Reply } from '../helpers/upstream.ts';
import * as F from './fault-replies.ts';
import { expectEnvelope, lastLog, playScene, sendChat } from './harness.ts';

const ollama = { badProfile: 'ollama' };

const BEFORE: Array<{ fault: string; reply: Reply; reason: string; alone: number }> = [
  { fault: 'reset before headers', reply: F.resetBeforeHeaders, reason: 'reset', alone: 502 },
  { fault: 'hang before headers', reply: F.hangBeforeHeaders, reason: 'timeout', alone: 504 },
  { fault: '503', reply: F.status(503), reason: 'status_503', alone: 503 },
  { fault: '200 text/html', reply: F.html, reason: 'stream_error', alone: 502 },
  { fault: 'garbage lines, no event', reply: F.garbageLines, reason: 'stream_error', alone: 502 },
  { fault: 'a first payload that is not JSON', reply: F.nonJsonFirst, reason: 'stream_error', alone: 502 },
  { fault: 'an error event first', reply: F.errorFirst, reason: 'stream_error', alone: 502 },
];

describe.each(BEFORE)('ollama-profile stream: $fault', ({ reply, reason, alone }) => {
  it('fails over to the healthy backend', async () => {
    await playScene(reply, { ...ollama, good: F.healthy }, async ({ proxy }) => {
      const answer = await sendChat(proxy, { model: 'chain', stream: true });
      expect(answer.text).toBe(F.STREAM_BYTES);
      await expect.poll(() => proxy.logs.length).toBe(1);
      expect(lastLog(proxy)).toMatchObject({ backend: 'good', failovers: [reason], status: 200 });
    });
  });

  it(`alone, answers ${alone} in the envelope`, async () => {
    await playScene(reply, ollama, async ({ proxy }) => {
      const answer = await sendChat(proxy, { model: 'chain', stream: true });
      expect(answer.status).toBe(alone);
      expect(expectEnvelope(answer.text).type).toBe('server_error');
    });
  });
});

const AFTER: Array<{ fault: string; reply: Reply; code: string }> = [
  { fault: 'reset', reply: F.resetMidBody, code: 'upstream_stream_failed' },
  { fault: 'hang', reply: F.hangMidBody, code: 'upstream_stream_failed' },
  { fault: 'a payload that is not JSON', reply: F.nonJsonMidStream, code: 'upstream_malformed_event' },
  { fault: 'EOF without finish_reason or [DONE]', reply: F.partial((res) => res.end()), code: 'upstream_truncated' },
];

describe.each(AFTER)('ollama-profile stream: $fault after the first event', ({ reply, code }) => {
  it('ends with an error event, no [DONE], no failover', async () => {
    await playScene(reply, { ...ollama, good: F.healthy }, async ({ proxy, good }) => {
      const payloads = ssePayloads((await sendChat(proxy, { model: 'chain', stream: true })).text);
      expect(JSON.parse(payloads[0]).choices[0].delta.role).toBe('assistant');
      expect(payloads).not.toContain('[DONE]');
      expect(JSON.parse(payloads.at(-1) ?? '{}').error.code).toBe(code);
      expect(good?.requests).toHaveLength(0);
    });
  });
});
