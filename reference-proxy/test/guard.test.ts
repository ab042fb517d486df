// Output guard for structured output (retry on the next candidate) and output deny patterns.
import { afterEach, describe, expect, it } from 'vitest';
import { chunk, completion, json, sse } from './helpers/replies.ts';
import { chatBody, postChat, ssePayloads, startTestProxy, type TestProxy } from './helpers/proxy.ts';
import { startUpstream, type Reply } from './helpers/upstream.ts';
import { MAX_BUFFERED_CHARS } from '../endpoints/data-stream/session.ts';

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.close()));
});
async function twoBackends(a: Reply, b: Reply, extra: Record<string, unknown> = {}): Promise<TestProxy> {
  const ua = await startUpstream(a);
  const ub = await startUpstream(b);
  const proxy = await startTestProxy([{ name: 'a', baseUrl: ua.baseUrl }, { name: 'b', baseUrl: ub.baseUrl }], {
    aliases: { chain: [{ backend: 'a', model: 'test-model' }, { backend: 'b', model: 'test-model' }] },
    ...extra,
  });
  open.push(proxy, ua, ub);
  return proxy;
}
const jsonMode = { model: 'chain', response_format: { type: 'json_object' } };
const streamOf = (text: string) => sse([chunk({ role: 'assistant', content: '' }), chunk({ content: text }), chunk({}, 'stop'), '[DONE]']);

describe('output guard', () => {
  it('retries on the next candidate when json_object output is not JSON', async () => {
    const proxy = await twoBackends(json(completion('Sure! Here is JSON: {')), json(completion('{"ok":true}')));
    const res = await postChat(proxy, chatBody(jsonMode));
    expect(res.status).toBe(200);
    expect(JSON.parse((await res.json()).choices[0].message.content)).toEqual({ ok: true });
    expect(JSON.parse(proxy.logs.at(-1)!)).toMatchObject({ backend: 'b', failovers: ['guard'] });
  });

  it('answers 502 output_validation_failed when no candidate produces valid output', async () => {
    const schema = { type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] };
    const proxy = await twoBackends(json(completion('{"n":"one"}')), json(completion('{}')));
    const res = await postChat(proxy, chatBody({ model: 'chain', response_format: { type: 'json_schema', json_schema: { name: 'n', schema } } }));
    expect(res.status).toBe(502);
    expect((await res.json()).error.code).toBe('output_validation_failed');
  });

  it('buffers a structured stream, validates it, and replays only the valid one', async () => {
    const proxy = await twoBackends(streamOf('not json'), streamOf('{"ok":1}'));
    const res = await postChat(proxy, chatBody({ ...jsonMode, stream: true }));
    const payloads = ssePayloads(await res.text());
    const text = payloads.filter((p) => p !== '[DONE]').map((p) => JSON.parse(p).choices[0]?.delta?.content ?? '').join('');
    expect(text).toBe('{"ok":1}');
    expect(payloads.at(-1)).toBe('[DONE]');
  });

  it('gives up on a structured stream too big to hold for validation, and fails over', async () => {
    const piece = chunk({ content: 'x'.repeat(1 << 16) });
    const huge = sse([chunk({ role: 'assistant', content: '' }), ...Array.from({ length: (MAX_BUFFERED_CHARS >> 16) + 8 }, () => piece), chunk({}, 'stop'), '[DONE]']);
    const proxy = await twoBackends(huge, streamOf('{"ok":1}'));
    const res = await postChat(proxy, chatBody({ ...jsonMode, stream: true }));
    const text = ssePayloads(await res.text()).filter((p) => p !== '[DONE]').map((p) => JSON.parse(p).choices[0]?.delta?.content ?? '').join('');
    expect(text).toBe('{"ok":1}');
    expect(JSON.parse(proxy.logs.at(-1)!)).toMatchObject({ backend: 'b', failovers: ['too_large'] });
  });

  it('streams structured output unvalidated in pass mode', async () => {
    const proxy = await twoBackends(streamOf('not json'), streamOf('{"ok":1}'), { guard: { enabled: true, stream: 'pass' } });
    const payloads = ssePayloads(await (await postChat(proxy, chatBody({ ...jsonMode, stream: true }))).text());
    expect(payloads.map((p) => (p === '[DONE]' ? '' : JSON.parse(p).choices[0]?.delta?.content ?? '')).join('')).toBe('not json');
  });
});

describe('output deny patterns', () => {
  const deny = { safety: { denyOutput: ['secret plan'] } };

  it('replaces a matching completion and finishes it with content_filter', async () => {
    const proxy = await twoBackends(json(completion('here is the secret plan')), json(completion('unused')), deny);
    const body = await (await postChat(proxy, chatBody({ model: 'chain' }))).json();
    expect(body.choices[0]).toMatchObject({ finish_reason: 'content_filter', message: { content: null } });
  });

  it('stops a stream at the match, across chunk boundaries, with content_filter then [DONE]', async () => {
    const parts = sse([chunk({ role: 'assistant', content: '' }), chunk({ content: 'the secr' }), chunk({ content: 'et plan is' }), chunk({ content: ' more' }), chunk({}, 'stop'), '[DONE]']);
    const proxy = await twoBackends(parts, json(completion('unused')), deny);
    const payloads = ssePayloads(await (await postChat(proxy, chatBody({ model: 'chain', stream: true }))).text());
    const sent = payloads.filter((p) => p !== '[DONE]').map((p) => JSON.parse(p));
    expect(sent.map((c) => c.choices[0].delta.content ?? '').join('')).not.toContain('secret plan');
    expect(sent.at(-1).choices[0].finish_reason).toBe('content_filter');
    expect(payloads.at(-1)).toBe('[DONE]');
  });
});
