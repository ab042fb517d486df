// A stream that finished (every choice got its finish_reason, usage sent when asked) but closed
// without `data: [DONE]` is a complete answer: the client gets it with [DONE] appended, status
// 200, from one attempt — streamed, not streamed, or held by the structured-output guard, on the
// raw pass-through (profile openai) as on the normalising path (no profile line: generic). A
// stream that broke before its finish_reason still ends with an error event.
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../fixtures/emulator/index.ts';
import { parseConfig } from '../config/load.ts';
import { startProxy, type RunningProxy } from '../index.ts';
import { chatBody, postChat, ssePayloads, startTestProxy } from './helpers/proxy.ts';
import { chunk, sse } from './helpers/replies.ts';
import { startUpstream } from './helpers/upstream.ts';

const MODEL = 'dropin-emulator-1';
const SCHEMA = { type: 'json_schema', json_schema: { name: 'point', schema: { type: 'object', properties: { x: { type: 'integer' } }, required: ['x'] } } } as const;

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ quirks: ['no-done'], models: [MODEL] });
});
afterAll(() => emulator.close());

describe.each([
  ['no profile line (generic)', {}],
  ['profile openai (raw pass-through)', { profile: 'openai' }],
])('a finished stream without [DONE], %s', (_name, profile) => {
  let proxy: RunningProxy;
  let logs: any[];
  let client: OpenAI;
  beforeAll(async () => {
    logs = [];
    const config = parseConfig({ listen: { host: '127.0.0.1', port: 0 }, backends: [{ name: 'b', baseUrl: emulator.url, models: [MODEL], ...profile }] });
    proxy = await startProxy(config, { log: (line) => logs.push(JSON.parse(line)) });
    client = new OpenAI({ baseURL: `${proxy.url}/v1`, apiKey: 'unused', maxRetries: 0 });
  });
  afterAll(() => proxy.close());

  const lastRequest = () => logs.filter((l) => l.msg === 'request').at(-1);
  const served = { status: 200, attempts: 1, failovers: [], backend: 'b' };

  it('streamed: the whole answer, usage, then [DONE]; one attempt', async () => {
    const res = await postChat(proxy, chatBody({ model: MODEL, stream: true, stream_options: { include_usage: true } }));
    expect(res.status).toBe(200);
    const payloads = ssePayloads(await res.text());
    expect(payloads.at(-1)).toBe('[DONE]');
    const chunks = payloads.slice(0, -1).map((p) => JSON.parse(p));
    expect(chunks.some((c) => c.error)).toBe(false);
    expect(chunks.at(-2).choices[0].finish_reason).toBe('stop');
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { total_tokens: expect.any(Number) } });
    expect(lastRequest()).toMatchObject({ ...served, repairs: expect.arrayContaining(['done_appended']) });
    expect(lastRequest().error).toBeUndefined();
  });

  it('streamed through the official SDK: the text arrives whole and ends with finish_reason stop', async () => {
    const stream = await client.chat.completions.create({ model: MODEL, messages: [{ role: 'user', content: 'Say hi' }], stream: true });
    let text = '';
    let finish: string | null = null;
    for await (const c of stream) {
      text += c.choices[0]?.delta?.content ?? '';
      finish = c.choices[0]?.finish_reason ?? finish;
    }
    const whole = await client.chat.completions.create({ model: MODEL, messages: [{ role: 'user', content: 'Say hi' }] });
    expect(text).toBe(whole.choices[0].message.content);
    expect(finish).toBe('stop');
  });

  it('not streamed: a plain 200 completion, one attempt', async () => {
    const res = await postChat(proxy, chatBody({ model: MODEL }));
    expect(res.status).toBe(200);
    expect((await res.json()).choices[0]).toMatchObject({ finish_reason: 'stop', message: { role: 'assistant', content: expect.any(String) } });
    expect(lastRequest()).toMatchObject(served);
  });

  it('guarded structured output: validated and sent, never retried or answered 502', async () => {
    const res = await postChat(proxy, chatBody({ model: MODEL, stream: true, response_format: SCHEMA }));
    expect(res.status).toBe(200);
    const payloads = ssePayloads(await res.text());
    expect(payloads.at(-1)).toBe('[DONE]');
    const content = payloads.slice(0, -1).map((p) => JSON.parse(p).choices[0]?.delta?.content ?? '').join('');
    expect(Number.isInteger(JSON.parse(content).x)).toBe(true);
    expect(lastRequest()).toMatchObject({ ...served, repairs: expect.arrayContaining(['done_appended']) });
  });
});

describe('a stream that broke before its finish_reason', () => {
  it.each([{ profile: 'openai' }, { profile: 'generic' }])('still ends with an error event and no [DONE] (%o)', async (profile) => {
    const up = await startUpstream(sse([chunk({ role: 'assistant', content: '' }), chunk({ content: 'Hel' })]));
    const proxy = await startTestProxy([{ name: 'a', baseUrl: up.baseUrl, ...profile }]);
    try {
      const payloads = ssePayloads(await (await postChat(proxy, chatBody({ stream: true }))).text());
      expect(payloads).not.toContain('[DONE]');
      expect(JSON.parse(payloads.at(-1)!).error).toMatchObject({ type: 'server_error' });
      expect(up.requests).toHaveLength(1);
    } finally {
      await proxy.close();
      await up.close();
    }
  });
});
