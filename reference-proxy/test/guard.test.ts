// Output guard for structured output (retry on the next candidate) and output deny patterns.
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { chunk, completion, json, sse, sseHead } from './helpers/replies.ts';
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

const okSchema = { type: 'object', properties: { ok: { type: 'integer' } }, required: ['ok'], additionalProperties: false };
const okFormat = { format: { type: 'json_schema' as const, name: 'ok', schema: okSchema, strict: true } };

/** Two backends behind the alias `chain` and an openai client: chat-only ones (`apis: [chat]`, translated) or Responses ones (native). */
async function responsesChain(a: Reply, b: Reply, apis?: string[], extra: Record<string, unknown> = {}): Promise<{ proxy: TestProxy; client: OpenAI }> {
  const [ua, ub] = [await startUpstream(a), await startUpstream(b)];
  const backend = (name: string, baseUrl: string) => ({ name, baseUrl, ...(apis ? { apis } : {}) });
  const proxy = await startTestProxy([backend('a', ua.baseUrl), backend('b', ub.baseUrl)], {
    aliases: { chain: [{ backend: 'a', model: 'test-model' }, { backend: 'b', model: 'test-model' }] },
    ...extra,
  });
  open.push(proxy, ua, ub);
  return { proxy, client: new OpenAI({ baseURL: `${proxy.url}/v1`, apiKey: 'unused', maxRetries: 0 }) };
}

/** Streams a structured request through the SDK: the event types seen and the final output text. */
async function streamStructured(client: OpenAI): Promise<{ types: string[]; text: string }> {
  const stream = client.responses.stream({ model: 'chain', input: 'Answer in JSON', text: okFormat });
  const types: string[] = [];
  for await (const event of stream) types.push(event.type);
  return { types, text: (await stream.finalResponse()).output_text };
}

describe('output guard on /v1/responses streams translated onto chat backends', () => {
  const chatOnly = (a: Reply, b: Reply, extra?: Record<string, unknown>) => responsesChain(a, b, ['chat'], extra);

  it('holds the stream until the answer is complete, and fails over from one that does not match text.format', async () => {
    const { proxy, client } = await chatOnly(streamOf('{"ok":"one"}'), streamOf('{"ok":1}'));
    const { types, text } = await streamStructured(client);
    expect(text).toBe('{"ok":1}');
    // one clean event sequence: the rejected answer sent nothing
    expect(types.filter((t) => t === 'response.created')).toHaveLength(1);
    expect(types.at(-1)).toBe('response.completed');
    expect(JSON.parse(proxy.logs.at(-1)!)).toMatchObject({ endpoint: 'responses', via: 'translated', backend: 'b', failovers: ['guard'] });
  });

  it('answers 502 output_validation_failed when no candidate matches', async () => {
    const { client } = await chatOnly(streamOf('not json'), streamOf('{}'));
    await expect(client.responses.create({ model: 'chain', input: 'Answer in JSON', text: okFormat, stream: true })).rejects.toMatchObject({ status: 502, code: 'output_validation_failed' });
  });

  it('streams unheld in pass mode, and unheld without text.format', async () => {
    const pass = await chatOnly(streamOf('not json'), streamOf('{"ok":1}'), { guard: { enabled: true, stream: 'pass' } });
    // what the guard is for: the SDK's own parse of the answer throws on it (read unparsed here)
    const events = await pass.client.responses.create({ model: 'chain', input: 'Answer in JSON', text: okFormat, stream: true });
    let text = '';
    for await (const event of events) if (event.type === 'response.output_text.done') text = event.text;
    expect(text).toBe('not json');
    const plain = await chatOnly(streamOf('not json'), streamOf('{"ok":1}'));
    expect((await plain.client.responses.stream({ model: 'chain', input: 'Say anything' }).finalResponse()).output_text).toBe('not json');
  });
});

describe('output guard on /v1/responses answered by Responses backends', () => {
  const message = (text: string) => ({ id: 'msg_up', type: 'message', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text, annotations: [], logprobs: [] }] });
  const response = (text: string, status = 'completed') => ({
    id: 'resp_up', object: 'response', created_at: 1, status, model: 'test-model', output: status === 'completed' ? [message(text)] : [],
    usage: { input_tokens: 5, input_tokens_details: { cached_tokens: 0 }, output_tokens: 3, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 8 },
  });
  /** A Responses backend's event stream for one message. */
  const responsesStream = (text: string): Reply => (_req, res) => {
    sseHead(res);
    const at = { item_id: 'msg_up', output_index: 0, content_index: 0 };
    const events = [
      { type: 'response.created', response: response(text, 'in_progress') },
      { type: 'response.output_item.added', output_index: 0, item: { ...message(''), status: 'in_progress', content: [] } },
      { type: 'response.content_part.added', ...at, part: { type: 'output_text', text: '', annotations: [], logprobs: [] } },
      { type: 'response.output_text.delta', ...at, delta: text, logprobs: [] },
      { type: 'response.output_text.done', ...at, text, logprobs: [] },
      { type: 'response.content_part.done', ...at, part: message(text).content[0] },
      { type: 'response.output_item.done', output_index: 0, item: message(text) },
      { type: 'response.completed', response: response(text) },
    ];
    events.forEach((e, i) => res.write(`event: ${e.type}\ndata: ${JSON.stringify({ ...e, sequence_number: i })}\n\n`));
    res.end();
  };

  it('fails over from a whole Response that does not match text.format', async () => {
    const { proxy, client } = await responsesChain(json(response('{"ok":"one"}')), json(response('{"ok":1}')));
    expect((await client.responses.create({ model: 'chain', input: 'Answer in JSON', text: okFormat })).output_text).toBe('{"ok":1}');
    expect(JSON.parse(proxy.logs.at(-1)!)).toMatchObject({ via: 'native', backend: 'b', failovers: ['guard'] });
  });

  it('holds a streamed one until it is complete, and fails over from a mismatch with nothing sent', async () => {
    const { proxy, client } = await responsesChain(responsesStream('not json'), responsesStream('{"ok":1}'));
    const { types, text } = await streamStructured(client);
    expect(text).toBe('{"ok":1}');
    expect(types.filter((t) => t === 'response.created')).toHaveLength(1);
    expect(JSON.parse(proxy.logs.at(-1)!)).toMatchObject({ via: 'native', backend: 'b', failovers: ['guard'] });
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
