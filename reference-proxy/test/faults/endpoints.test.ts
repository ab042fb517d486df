// The fault matrix on the endpoints beyond chat (legacy completions, embeddings): the same core
// serves them, so a backend dying before the first byte fails over to a healthy one, and a
// completions stream that breaks after its first byte ends with that endpoint's error event —
// never a silent truncation, never a fake [DONE].
import { describe, expect, it } from 'vitest';
import { ssePayloads } from '../helpers/proxy.ts';
import type { Reply } from '../helpers/upstream.ts';
import * as F from './fault-replies.ts';
import { expectEnvelope, lastLog, playScene, send } from './harness.ts';

const ENDPOINTS = [
  { endpoint: 'completions', path: '/v1/completions', body: { model: 'chain', prompt: 'Say hi' }, streams: true },
  { endpoint: 'embeddings', path: '/v1/embeddings', body: { model: 'chain', input: 'Say hi', encoding_format: 'float' }, streams: false },
];


const beforeCases = ENDPOINTS.flatMap((e) =>
  F.BEFORE_FIRST_BYTE.flatMap((row) => [false, true].filter((stream) => (stream ? e.streams : true) && (row.stream === undefined || row.stream === stream)).map((stream) => ({ ...e, ...row, stream }))),
);

describe.each(beforeCases)('$endpoint: $fault (stream $stream)', ({ endpoint, path, body, reply, reason, alone, stream }) => {
  const request = { ...body, ...(stream ? { stream: true } : {}) };

  it('fails over to the healthy backend', async () => {
    await playScene(reply, { good: F.healthy }, async ({ proxy, good }) => {
      const answer = await send(proxy, path, request);
      expect(answer.status).toBe(200);
      if (stream) expect(answer.text).toBe(F.streamBytes(path));
      else expect(JSON.parse(answer.text)).toEqual(JSON.parse(F.shapeOf(path).json));
      await expect.poll(() => proxy.logs.length).toBe(1);
      expect(lastLog(proxy)).toMatchObject({ endpoint, backend: 'good', failovers: [reason], status: 200 });
      expect(good?.requests.map((r) => r.path)).toEqual([path]);
    });
  });

  it(`alone, answers ${alone} in the error envelope`, async () => {
    await playScene(reply, {}, async ({ proxy }) => {
      const answer = await send(proxy, path, request);
      expect(answer.status).toBe(alone);
      expect(answer.headers['content-type']).toBe('application/json');
      expectEnvelope(answer.text);
      await expect.poll(() => proxy.logs.length).toBe(1);
      expect(lastLog(proxy)).toMatchObject({ endpoint, backend: 'bad', attempts: 2, status: alone });
    });
  });
});

/** The error code of the last event: piped (openai profile) and normalised (ollama profile, the normaliser's own codes). */
const AFTER: Array<{ fault: string; reply: Reply; codes: Record<'openai' | 'ollama', string> }> = [
  { fault: 'reset mid-stream', reply: F.resetMidBody, codes: { openai: 'upstream_stream_failed', ollama: 'upstream_stream_failed' } },
  { fault: 'hang mid-stream', reply: F.hangMidBody, codes: { openai: 'upstream_stream_failed', ollama: 'upstream_stream_failed' } },
  { fault: 'a data payload that is not JSON', reply: F.nonJsonMidStream, codes: { openai: 'upstream_stream_failed', ollama: 'upstream_malformed_event' } },
  { fault: 'EOF without [DONE] or finish_reason', reply: F.partial((res) => res.end()), codes: { openai: 'upstream_stream_failed', ollama: 'upstream_truncated' } },
];

describe.each(AFTER)('completions stream: $fault after the first event', ({ reply, codes }) => {
  it.each(['openai', 'ollama'] as const)('ends with an error event, no [DONE], no failover (%s profile)', async (badProfile) => {
    await playScene(reply, { good: F.healthy, badProfile }, async ({ proxy, good }) => {
      const answer = await send(proxy, '/v1/completions', { model: 'chain', prompt: 'Say hi', stream: true });
      expect(answer.status).toBe(200);
      const payloads = ssePayloads(answer.text);
      expect(JSON.parse(payloads[0]).choices[0].text).toBe('Hel');
      expect(payloads).not.toContain('[DONE]');
      const last = JSON.parse(payloads.at(-1) ?? '{}');
      expect(Object.keys(last.error).sort()).toEqual(['code', 'message', 'param', 'type']);
      expect(last.error.code).toBe(codes[badProfile]);
      expect(good?.requests).toHaveLength(0);
      await expect.poll(() => proxy.logs.length).toBe(1);
      expect(lastLog(proxy)).toMatchObject({ endpoint: 'completions', backend: 'bad', attempts: 1, failovers: [], status: 200 });
    });
  });
});
