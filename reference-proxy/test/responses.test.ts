// POST /v1/responses through the proxy, with the official clients: the openai SDK
// (responses.create, responses.stream, retrieve, delete, and embeddings.create with its default
// base64) and the Vercel AI SDK's openai provider (Responses by default: a conversation with its
// default store, a tool loop), in front of an emulated Ollama 0.13 — chat only, so every answer
// goes through the translation — and in front of an Ollama that serves /v1/responses itself but
// keeps no conversations (passed through, the conversation inlined by the proxy).
import { createOpenAI } from '@ai-sdk/openai';
import { generateText, stepCountIs, streamText, tool, type ModelMessage } from 'ai';
import OpenAI, { BadRequestError, NotFoundError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startEmulator, type ProfileName, type RunningEmulator } from '../../fixtures/emulator/index.ts';
import { decodeFloat32 } from '../endpoints/embeddings/base64.ts';
import { startTestProxy, type TestProxy } from './helpers/proxy.ts';

const MODEL = 'dropin-emulator-1';
const EMBED = 'dropin-emulator-embed';
const PICK = 'Reply with exactly one English noun of your choice, and nothing else.';
const REPEAT = 'Repeat the noun you replied with in your previous answer, and nothing else.';
const WEATHER = { type: 'function' as const, name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false }, strict: true };

const running: Array<{ close(): Promise<void> }> = [];
afterAll(() => Promise.all(running.map((r) => r.close())));

/** A proxy with no profile line in front of an emulated server of `profile`. */
async function scene(profile: ProfileName, extra: Record<string, unknown> = {}): Promise<{ proxy: TestProxy; client: OpenAI; emulator: RunningEmulator }> {
  const emulator = await startEmulator({ profile });
  const proxy = await startTestProxy([{ name: 'ollama', baseUrl: emulator.url, profile: 'auto', models: [MODEL, EMBED], embeddingModels: [EMBED] }], extra);
  running.push(proxy, emulator);
  return { proxy, emulator, client: new OpenAI({ baseURL: `${proxy.url}/v1`, apiKey: 'unused', maxRetries: 0 }) };
}

const requestLogs = (proxy: TestProxy) => proxy.logs.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request');

describe('the openai SDK through the proxy, in front of a chat-only Ollama (translated)', () => {
  let proxy: TestProxy;
  let client: OpenAI;
  beforeAll(async () => ({ proxy, client } = await scene('ollama-0.13')));

  it('responses.create and responses.stream read the same answer; the log line and metrics count it under responses', async () => {
    const plain = await client.responses.create({ model: MODEL, input: 'Say hello', max_output_tokens: 32 });
    expect(plain).toMatchObject({ object: 'response', status: 'completed', error: null });
    expect(plain.id).toMatch(/^resp_[0-9a-f]{50}$/);
    expect(plain.output_text).toMatch(/^Hello from the dropin emulator/);
    const stream = client.responses.stream({ model: MODEL, input: 'Say hello', max_output_tokens: 32 });
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    const final = await stream.finalResponse();
    expect(types.slice(0, 4)).toEqual(['response.created', 'response.in_progress', 'response.output_item.added', 'response.content_part.added']);
    expect(types.at(-1)).toBe('response.completed');
    expect(final.output_text).toBe(plain.output_text);
    const [created, streamed] = requestLogs(proxy).slice(-2);
    for (const line of [created, streamed]) {
      expect(line).toMatchObject({ endpoint: 'responses', via: 'translated', profile: 'ollama-legacy', status: 200, tokens: { prompt: plain.usage!.input_tokens, completion: plain.usage!.output_tokens } });
    }
    expect(streamed.stream).toBe(true);
    // the chat normaliser repaired the old Ollama's chat stream before it was translated
    expect(streamed.repairs).toContain('role_fixed');
    const metrics = await (await fetch(`${proxy.url}/metrics`)).text();
    expect(metrics).toMatch(/dropin_tokens_total\{backend="ollama",direction="completion",endpoint="responses"\} [1-9]/);
  });

  it('a streamed function call, then its function_call_output answered', async () => {
    const stream = client.responses.stream({ model: MODEL, input: 'Weather in Paris?', tools: [WEATHER], tool_choice: 'required' });
    const [call] = (await stream.finalResponse()).output as any[];
    expect(call).toMatchObject({ type: 'function_call', name: 'get_weather', parsed_arguments: { city: 'Paris' } });
    const answer = await client.responses.create({
      model: MODEL,
      tools: [WEATHER],
      input: [{ role: 'user', content: 'Weather in Paris?' }, { type: 'function_call', call_id: call.call_id, name: call.name, arguments: call.arguments }, { type: 'function_call_output', call_id: call.call_id, output: '{"temperature_c":17.5}' }],
    });
    expect(answer.output_text).toContain('17.5');
  });

  it('previous_response_id continues a conversation the backend keeps nothing of; retrieve and delete work; a lost one is a 400 naming it', async () => {
    const first = await client.responses.create({ model: MODEL, input: PICK, max_output_tokens: 16 });
    const second = await client.responses.stream({ model: MODEL, previous_response_id: first.id, input: REPEAT }).finalResponse();
    expect(second.output_text).toBe(first.output_text);
    expect(second.previous_response_id).toBe(first.id);
    expect(await client.responses.retrieve(first.id)).toEqual(first);
    expect((await client.responses.retrieve(second.id)).output_text).toBe(second.output_text);
    await client.responses.delete(first.id);
    await expect(client.responses.retrieve(first.id)).rejects.toThrow(NotFoundError);
    await expect(client.responses.delete(first.id)).rejects.toThrow(NotFoundError);
    const lost = client.responses.create({ model: MODEL, previous_response_id: first.id, input: REPEAT });
    await expect(lost).rejects.toThrow(BadRequestError);
    await expect(lost).rejects.toMatchObject({ param: 'previous_response_id', code: 'previous_response_not_found' });
    await expect(client.responses.create({ model: MODEL, input: [{ type: 'item_reference', id: 'msg_unknown' }] })).rejects.toMatchObject({ status: 400, param: 'input', message: expect.stringContaining("Item with id 'msg_unknown' not found.") });
    // refused before any backend was asked
    expect(requestLogs(proxy).at(-1)).toMatchObject({ endpoint: 'responses', status: 400, attempts: 0 });
  });

  it('input_items lists what the model was given for a response — the turns it continued and its input — paged as OpenAI pages it', async () => {
    const first = await client.responses.create({ model: MODEL, input: PICK, max_output_tokens: 16 });
    const second = await client.responses.create({ model: MODEL, previous_response_id: first.id, input: REPEAT });
    const page = await client.responses.inputItems.list(second.id);
    // newest first: this turn's message, the answer it continued, the first message
    expect(page.data.map((i: any) => [i.type, i.role, i.content[0].text ?? i.content[0].type])).toEqual([
      ['message', 'user', REPEAT],
      ['message', 'assistant', first.output_text],
      ['message', 'user', PICK],
    ]);
    expect(page.data[1].id).toBe(first.output[0].id);
    expect(page.data.every((i) => /^msg_[0-9a-f]{50}$/.test(i.id!))).toBe(true);
    // the SDK's auto-pagination (one item per page, `after` the last id) walks the same items, oldest first with order asc
    const walked: string[] = [];
    for await (const item of client.responses.inputItems.list(second.id, { limit: 1, order: 'asc' })) walked.push(item.id!);
    expect(walked).toEqual(page.data.map((i) => i.id).reverse());
    // the same ids on every call, and only the first message for the first response
    expect((await client.responses.inputItems.list(second.id)).data.map((i) => i.id)).toEqual(page.data.map((i) => i.id));
    expect((await client.responses.inputItems.list(first.id)).data).toEqual([page.data[2]]);
    await expect(client.responses.inputItems.list('resp_unknown')).rejects.toThrow(NotFoundError);
    await expect(client.responses.inputItems.list(second.id, { limit: 0 })).rejects.toMatchObject({ status: 400, param: 'limit' });
  });

  it('store: false keeps nothing', async () => {
    const first = await client.responses.create({ model: MODEL, input: PICK, store: false });
    expect((first as unknown as { store: boolean }).store).toBe(false);
    await expect(client.responses.retrieve(first.id)).rejects.toThrow(NotFoundError);
    await expect(client.responses.create({ model: MODEL, previous_response_id: first.id, input: REPEAT })).rejects.toThrow(BadRequestError);
  });

  it('what a chat backend cannot do is refused by name, before it is asked', async () => {
    const refused = client.responses.create({ model: MODEL, input: 'news?', tools: [{ type: 'web_search' }] });
    await expect(refused).rejects.toThrow(BadRequestError);
    await expect(refused).rejects.toMatchObject({ param: 'tools[0].type', code: 'unsupported_value' });
    expect(requestLogs(proxy).at(-1)).toMatchObject({ status: 400, attempts: 0 });
  });

  it('embeddings.create() gets its default base64 vectors', async () => {
    const res = await client.embeddings.create({ model: EMBED, input: ['The quick brown fox', 'jumps'] });
    expect(res.data.map((d) => d.index)).toEqual([0, 1]);
    expect(res.data[0].embedding.length).toBeGreaterThan(8);
    expect(res.data[0].embedding.every((x) => Number.isFinite(x))).toBe(true);
    const raw = await (await fetch(`${proxy.url}/v1/embeddings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: EMBED, input: 'The quick brown fox', encoding_format: 'base64' }) })).json();
    expect(decodeFloat32(raw.data[0].embedding)).toEqual(res.data[0].embedding);
  });
});

describe('the Vercel AI SDK through the proxy, in front of a chat-only Ollama (translated)', () => {
  let proxy: TestProxy;
  beforeAll(async () => ({ proxy } = await scene('ollama-0.13')));

  it('a two-turn conversation with the default store: the item_reference of its second turn is resolved by the proxy', async () => {
    const sent: any[] = [];
    const recording: typeof fetch = (url, init) => {
      if (typeof init?.body === 'string') sent.push(JSON.parse(init.body));
      return fetch(url, init);
    };
    const model = createOpenAI({ baseURL: `${proxy.url}/v1`, apiKey: 'unused', fetch: recording })(MODEL);
    const first = await generateText({ model, prompt: PICK, maxOutputTokens: 16 });
    const messages: ModelMessage[] = [{ role: 'user', content: PICK }, ...first.response.messages, { role: 'user', content: REPEAT }];
    const second = await streamText({ model, messages, maxOutputTokens: 16 }).text;
    expect(sent[1].input).toContainEqual({ type: 'item_reference', id: expect.stringMatching(/^msg_/) });
    expect(second).toBe(first.text);
    expect(requestLogs(proxy).slice(-2).map((l) => [l.endpoint, l.via, l.status])).toEqual([['responses', 'translated', 200], ['responses', 'translated', 200]]);
  });

  it('a tool loop: the call is executed and its result answered', async () => {
    const weather = tool({ description: 'Current weather in a city', inputSchema: z.object({ city: z.string() }), execute: async ({ city }) => ({ city, temperature_c: 17.5 }) });
    const model = createOpenAI({ baseURL: `${proxy.url}/v1`, apiKey: 'unused' })(MODEL);
    const result = await generateText({ model, prompt: 'Weather in Paris?', tools: { get_weather: weather }, toolChoice: 'auto', stopWhen: stepCountIs(2) });
    expect(result.steps[0].toolCalls[0]).toMatchObject({ toolName: 'get_weather', input: { city: 'Paris' } });
    expect(result.text).toContain('17.5');
  });
});

describe('in front of an Ollama serving /v1/responses itself (passed through)', () => {
  let proxy: TestProxy;
  let client: OpenAI;
  beforeAll(async () => ({ proxy, client } = await scene('ollama')));

  it('a conversation continues although Ollama ignores previous_response_id and refuses item_reference: the proxy inlines it', async () => {
    const first = await client.responses.create({ model: MODEL, input: PICK, max_output_tokens: 16 });
    // the proxy's ids, not Ollama's resp_<n>, which collide across restarts and backends
    expect(first.id).toMatch(/^resp_[0-9a-f]{50}$/);
    expect(first.output[0].id).toMatch(/^msg_[0-9a-f]{50}$/);
    const byId = await client.responses.create({ model: MODEL, previous_response_id: first.id, input: REPEAT });
    expect(byId.output_text).toBe(first.output_text);
    // Ollama was sent the conversation inline; the client still reads the id it continued
    expect(byId.previous_response_id).toBe(first.id);
    expect((await client.responses.retrieve(byId.id)).previous_response_id).toBe(first.id);
    // streamed too: every event carrying the response names it
    const streamed = client.responses.stream({ model: MODEL, previous_response_id: first.id, input: REPEAT });
    const echoed: unknown[] = [];
    for await (const event of streamed) if ('response' in event) echoed.push(event.response.previous_response_id);
    expect(echoed.length).toBeGreaterThanOrEqual(3);
    expect(echoed).toEqual(echoed.map(() => first.id));
    const byReference = await client.responses.stream({ model: MODEL, input: [{ role: 'user', content: PICK }, { type: 'item_reference', id: first.output[0].id! }, { role: 'user', content: REPEAT }] }).finalResponse();
    expect(byReference.output_text).toBe(first.output_text);
    expect(requestLogs(proxy).filter((l) => l.method === 'POST').slice(-4).map((l) => [l.via, l.profile])).toEqual(Array(4).fill(['native', 'ollama']));
    expect(requestLogs(proxy).filter((l) => l.method === 'POST').at(-1).repairs).toContain('ids_remapped');
    // the Responses repair kinds count on the repairs metric, per backend
    expect(await (await fetch(`${proxy.url}/metrics`)).text()).toMatch(/dropin_repairs_total\{backend="ollama",kind="ids_remapped"\} [3-9]/);
  });
});

describe('a chain of a chat-only and a Responses backend', () => {
  it('sends what the translation cannot carry to the backend that serves /v1/responses', async () => {
    const [chatOnly, native] = await Promise.all([startEmulator({ profile: 'ollama-0.13' }), startEmulator({ profile: 'spec' })]);
    const proxy = await startTestProxy(
      [
        { name: 'chat-only', baseUrl: chatOnly.url, profile: 'auto', models: [MODEL] },
        { name: 'native', baseUrl: native.url, profile: 'openai', models: [MODEL] },
      ],
      { aliases: { chain: [{ backend: 'chat-only', model: MODEL }, { backend: 'native', model: MODEL }] } },
    );
    running.push(proxy, chatOnly, native);
    const client = new OpenAI({ baseURL: `${proxy.url}/v1`, apiKey: 'unused', maxRetries: 0 });
    await client.responses.create({ model: 'chain', input: 'Say hello' });
    expect(requestLogs(proxy).at(-1)).toMatchObject({ backend: 'chat-only', via: 'translated' });
    // `prompt` names a template stored at OpenAI: no translation for it, so only the native backend is tried
    await client.responses.create({ model: 'chain', input: 'Say hello', prompt: { id: 'pmpt_1' } } as never).catch(() => undefined);
    expect(requestLogs(proxy).at(-1)).toMatchObject({ backend: 'native', via: 'native', attempts: 1 });
  });
});

describe('limits', () => {
  it('a key’s tokens per minute counts Responses tokens: the stored conversation it continues, and the answer', async () => {
    const KEY = 'sk-responses-key-0123456789';
    const { proxy } = await scene('ollama-0.13', { auth: { keys: [{ name: 'metered', key: KEY, rateLimit: { tokensPerMinute: 100 } }] } });
    const client = new OpenAI({ baseURL: `${proxy.url}/v1`, apiKey: KEY, maxRetries: 0 });
    // about 54 tokens estimated up front, then the completion reported is charged: some 35 are left
    const first = await client.responses.create({ model: MODEL, input: 'word '.repeat(40), max_output_tokens: 16 });
    expect(requestLogs(proxy).at(-1).tokens.completion).toBeGreaterThan(0);
    // a short input, but it continues the 54-token turn: more than is left
    const limited = client.responses.create({ model: MODEL, previous_response_id: first.id, input: 'and?' });
    await expect(limited).rejects.toMatchObject({ status: 429, message: expect.stringMatching(/tokens per minute \(limit 100\)/) });
    // the same short input alone fits
    expect((await client.responses.create({ model: MODEL, input: 'and?', max_output_tokens: 16 })).status).toBe('completed');
    // stored responses are behind the same keys
    expect((await fetch(`${proxy.url}/v1/responses/${first.id}`)).status).toBe(401);
    expect((await fetch(`${proxy.url}/v1/responses/${first.id}`, { headers: { authorization: `Bearer ${KEY}` } })).status).toBe(200);
  });
});

describe('stored responses belong to the key that created them', () => {
  it('another key cannot retrieve, delete, continue or reference them; the owner can', async () => {
    const keys = [{ name: 'team-a', key: 'sk-team-a-0123456789abcdef' }, { name: 'team-b', key: 'sk-team-b-0123456789abcdef' }];
    const { proxy } = await scene('ollama-0.13', { auth: { keys } });
    const a = new OpenAI({ baseURL: `${proxy.url}/v1`, apiKey: keys[0]!.key, maxRetries: 0 });
    const b = new OpenAI({ baseURL: `${proxy.url}/v1`, apiKey: keys[1]!.key, maxRetries: 0 });
    const first = await a.responses.create({ model: MODEL, input: PICK, max_output_tokens: 16 });
    const itemId = (first.output[0] as { id: string }).id;
    // to team-b the response is exactly as absent as one that never existed
    await expect(b.responses.retrieve(first.id)).rejects.toThrow(NotFoundError);
    await expect(b.responses.delete(first.id)).rejects.toThrow(NotFoundError);
    await expect(b.responses.inputItems.list(first.id)).rejects.toThrow(NotFoundError);
    await expect(b.responses.create({ model: MODEL, previous_response_id: first.id, input: REPEAT })).rejects.toMatchObject({ status: 400, code: 'previous_response_not_found' });
    await expect(b.responses.create({ model: MODEL, input: [{ type: 'item_reference', id: itemId }, { role: 'user', content: REPEAT }] })).rejects.toMatchObject({
      status: 400,
      param: 'input',
      message: expect.stringContaining(`Item with id '${itemId}' not found.`),
    });
    // team-a still has all of it: b's delete removed nothing
    expect(await a.responses.retrieve(first.id)).toEqual(first);
    const second = await a.responses.create({ model: MODEL, previous_response_id: first.id, input: REPEAT });
    expect(second.output_text).toBe(first.output_text);
    const referenced = await a.responses.create({ model: MODEL, input: [{ role: 'user', content: PICK }, { type: 'item_reference', id: itemId }, { role: 'user', content: REPEAT }] });
    expect(referenced.output_text).toBe(first.output_text);
    // a response team-b creates is team-b's
    const theirs = await b.responses.create({ model: MODEL, input: PICK, max_output_tokens: 16 });
    await expect(a.responses.retrieve(theirs.id)).rejects.toThrow(NotFoundError);
    await b.responses.delete(theirs.id);
    await expect(b.responses.retrieve(theirs.id)).rejects.toThrow(NotFoundError);
  });
});
