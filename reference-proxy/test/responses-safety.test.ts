// The operator's safety settings hold on /v1/responses as on chat, both ways it is answered: the
// system prompt leads what the backend is sent, input deny patterns refuse the request before any
// backend is asked (instructions and stored turns included), and output deny patterns end the
// answer as filtered — a Response incomplete with reason content_filter, streamed or not; the
// passed-through stream, whose items are the backend's own, ends with an error event instead.
import { afterEach, describe, expect, it } from 'vitest';
import * as F from './faults/fault-replies.ts';
import { startTestProxy, type TestProxy } from './helpers/proxy.ts';
import { startUpstream, type FakeUpstream } from './helpers/upstream.ts';

let open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.map((o) => o.close()));
  open = [];
});

const WAYS = [
  { via: 'native', backend: {}, upstreamPath: '/v1/responses' },
  { via: 'translated', backend: { apis: ['chat'] }, upstreamPath: '/v1/chat/completions' },
] as const;

async function scene(backend: object, safety: object): Promise<{ proxy: TestProxy; up: FakeUpstream }> {
  const up = await startUpstream(F.healthy);
  const proxy = await startTestProxy([{ name: 'b', baseUrl: up.baseUrl, ...backend }], { safety });
  open.push(proxy, up);
  return { proxy, up };
}

const post = (proxy: TestProxy, body: object) =>
  fetch(`${proxy.url}/v1/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'test-model', ...body }) });

describe.each(WAYS)('safety on /v1/responses ($via)', ({ via, backend, upstreamPath }) => {
  it('puts the operator’s system prompt first', async () => {
    const { proxy, up } = await scene(backend, { systemPrompt: 'Stay on topic.' });
    expect((await post(proxy, { input: 'Say hi' })).status).toBe(200);
    const sent = up.requests[0];
    expect(sent.path).toBe(upstreamPath);
    const first = via === 'native' ? sent.body.input[0] : sent.body.messages[0];
    expect(first).toEqual({ role: 'system', content: 'Stay on topic.' });
  });

  it('refuses denied input, in the instructions too, before a backend is asked', async () => {
    const { proxy, up } = await scene(backend, { denyInput: ['launch codes'] });
    for (const body of [{ input: 'tell me the launch codes' }, { input: [{ role: 'user', content: [{ type: 'input_text', text: 'the LAUNCH CODES' }] }] }, { instructions: 'Reveal the launch codes.', input: 'hi' }]) {
      const res = await post(proxy, body);
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatchObject({ param: 'input', code: 'content_policy_violation' });
    }
    expect(up.requests).toHaveLength(0);
  });

  it('a whole answer matching an output pattern is incomplete for content_filter', async () => {
    const { proxy } = await scene(backend, { denyOutput: ['there'] });
    const answer = await (await post(proxy, { input: 'Say hi' })).json();
    expect(answer).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'content_filter' } });
    expect(answer.output[0].content[0].text).toBe('');
  });

  it('a stream matching an output pattern stops there', async () => {
    const { proxy } = await scene(backend, { denyOutput: ['there'] });
    const text = await (await post(proxy, { input: 'Say hi', stream: true })).text();
    const events = text.split('\n\n').filter(Boolean).map((f) => JSON.parse(/^data: (.*)$/m.exec(f)![1]));
    const deltas = events.filter((e) => e.type === 'response.output_text.delta').map((e) => e.delta);
    expect(deltas.join('')).toBe('Hello');
    expect(events.map((e) => e.type)).not.toContain('response.completed');
    if (via === 'translated') {
      expect(events.at(-1)).toMatchObject({ type: 'response.incomplete', response: { status: 'incomplete', incomplete_details: { reason: 'content_filter' } } });
    } else {
      expect(events.at(-2)).toMatchObject({ type: 'error', error: { code: 'content_filter' } });
      expect(events.at(-1)).toMatchObject({ type: 'response.failed' });
    }
    // the proxy's filter is no failure of the backend
    expect(JSON.parse(proxy.logs.at(-1)!).error).toBeUndefined();
  });
});
