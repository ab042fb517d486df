// The fault matrix on /v1/responses, both ways it is answered: passed through to a backend
// serving the Responses API (`openai` profile: its events relayed as they came) and translated
// onto a chat-only backend (`apis: [chat]`: the chat stream becomes Responses events). A backend
// failing before the first byte fails over to a healthy one, and alone gets the error envelope;
// a stream breaking after its first event ends with the Responses `error` event and
// `response.failed` — never a fake response.completed, never [DONE] — and no failover; so does one
// still running at the drain deadline.
import { describe, expect, it } from 'vitest';
import type { Reply } from '../helpers/upstream.ts';
import * as F from './fault-replies.ts';
import { startTestProxy } from '../helpers/proxy.ts';
import { expectEnvelope, lastLog, playScene, send, startFaultUpstream } from './harness.ts';

const WAYS = [
  { via: 'native', backend: {}, upstreamPath: '/v1/responses' },
  { via: 'translated', backend: { apis: ['chat'] }, upstreamPath: '/v1/chat/completions' },
] as const;


const beforeCases = WAYS.flatMap((way) =>
  F.BEFORE_FIRST_BYTE.flatMap((row) => [false, true].filter((stream) => row.stream === undefined || row.stream === stream).map((stream) => ({ ...way, ...row, stream }))),
);

const request = (stream: boolean) => ({ model: 'chain', input: 'Say hi', ...(stream ? { stream: true } : {}) });

/** The events of a Responses stream: `event:` name and parsed data. */
function events(text: string): Array<{ name: string; data: any }> {
  return text.split('\n\n').filter((f) => f !== '').map((f) => ({ name: /^event: (.*)$/m.exec(f)![1], data: JSON.parse(/^data: (.*)$/m.exec(f)![1]) }));
}

describe.each(beforeCases)('responses $via: $fault (stream $stream)', ({ via, backend, upstreamPath, reply, reason, alone, stream }) => {
  it('fails over to the healthy backend', async () => {
    await playScene(reply, { good: F.healthy, backend }, async ({ proxy, good }) => {
      const answer = await send(proxy, '/v1/responses', request(stream));
      expect(answer.status).toBe(200);
      if (stream) {
        const got = events(answer.text);
        expect(got.map((e) => e.name)).toEqual(got.map((e) => e.data.type));
        expect(got.map((e) => e.data.sequence_number)).toEqual(got.map((_, i) => i));
        expect(got.filter((e) => e.name === 'response.output_text.delta').map((e) => e.data.delta).join('')).toBe('Hello there');
        expect(got.at(-1)?.name).toBe('response.completed');
      } else {
        expect(JSON.parse(answer.text)).toMatchObject({ object: 'response', status: 'completed', output: [{ type: 'message', content: [{ text: 'Hello there' }] }] });
      }
      await expect.poll(() => proxy.logs.length).toBe(1);
      expect(lastLog(proxy)).toMatchObject({ endpoint: 'responses', via, backend: 'good', failovers: [reason], status: 200 });
      expect(good?.requests.map((r) => r.path)).toEqual([upstreamPath]);
    });
  });

  it(`alone, answers ${alone} in the error envelope, not a stream`, async () => {
    await playScene(reply, { backend }, async ({ proxy }) => {
      const answer = await send(proxy, '/v1/responses', request(stream));
      expect(answer.status).toBe(alone);
      expect(answer.headers['content-type']).toBe('application/json');
      expectEnvelope(answer.text);
      await expect.poll(() => proxy.logs.length).toBe(1);
      expect(lastLog(proxy)).toMatchObject({ endpoint: 'responses', backend: 'bad', attempts: 2, status: alone });
    });
  });
});

const AFTER: Array<{ fault: string; reply: Reply }> = [
  { fault: 'reset mid-stream', reply: F.resetMidBody },
  { fault: 'hang mid-stream', reply: F.hangMidBody },
  { fault: 'a data payload that is not JSON', reply: F.nonJsonMidStream },
  { fault: 'EOF before the answer finished', reply: F.partial((res) => res.end()) },
];

describe.each(WAYS.flatMap((way) => AFTER.map((row) => ({ ...way, ...row }))))('responses $via stream: $fault after the first event', ({ via, backend, reply }) => {
  it('ends with the error event and response.failed, no response.completed, no [DONE], no failover', async () => {
    await playScene(reply, { good: F.healthy, backend }, async ({ proxy, good }) => {
      const answer = await send(proxy, '/v1/responses', request(true));
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toMatch(/^text\/event-stream/);
      expect(answer.text).not.toContain('[DONE]');
      const got = events(answer.text);
      expect(got[0].name).toBe('response.created');
      expect(got.map((e) => e.data.sequence_number)).toEqual(got.map((_, i) => i));
      expect(got.map((e) => e.name)).not.toContain('response.completed');
      const [error, failed] = got.slice(-2);
      expect(error.name).toBe('error');
      // nested, as OpenAI sends it and the SDKs raise it
      expect(Object.keys(error.data.error).sort()).toEqual(['code', 'message', 'param', 'type']);
      expect(failed.name).toBe('response.failed');
      expect(failed.data.response).toMatchObject({ status: 'failed', error: { code: 'server_error' } });
      expect(good?.requests).toHaveLength(0);
      await expect.poll(() => proxy.logs.length).toBe(1);
      expect(lastLog(proxy)).toMatchObject({ endpoint: 'responses', via, backend: 'bad', attempts: 1, failovers: [], status: 200, error: 'upstream_stream_failed' });
    });
  });
});

describe.each(WAYS)('responses $via stream still running at the drain deadline', ({ backend }) => {
  it('ends with the Responses error event (server_shutting_down) and response.failed', async () => {
    const up = await startFaultUpstream(F.hangMidBody);
    const proxy = await startTestProxy([{ name: 'bad', baseUrl: up.baseUrl, timeouts: { firstByteMs: 30_000 }, ...backend }], { shutdown: { drainMs: 100 } });
    try {
      const res = await fetch(`${proxy.url}/v1/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'test-model', input: 'Say hi', stream: true }) });
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      while (!text.includes('response.created')) text += decoder.decode((await reader.read()).value);
      const stopping = proxy.shutdown();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value);
      await stopping;
      const got = events(text);
      expect(got.map((e) => e.data.sequence_number)).toEqual(got.map((_, i) => i));
      expect(got.at(-2)).toMatchObject({ name: 'error', data: { error: { code: 'server_shutting_down' } } });
      expect(got.at(-1)?.name).toBe('response.failed');
    } finally {
      await proxy.close();
      await up.close();
    }
  });
});
