// Real clients over loopback against the translation onto the Ollama profile's chat side (a
// chat-only backend behind the proxy's chat normaliser): the openai SDK (responses.create,
// responses.stream with its event-order and index checks, retrieve, delete) and the Vercel AI
// SDK's openai provider (text, streaming, a conversation with its default store: true, a tool
// loop). A backend dying mid-stream reaches both as an error, never as a finished answer.
import { createOpenAI } from '@ai-sdk/openai';
import { generateText, stepCountIs, streamText, tool, type ModelMessage } from 'ai';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import OpenAI, { APIError, BadRequestError, NotFoundError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startEmulator, type RunningEmulator } from '../../fixtures/emulator/index.ts';
import { startBridge, type RunningBridge } from './bridge.fixtures.ts';

const MODEL = 'dropin-emulator-1';
const PICK = 'Reply with exactly one English noun of your choice, and nothing else.';
const REPEAT = 'Repeat the noun you replied with in your previous answer, and nothing else.';
const COUNT = 'Count from 1 to 100, separated by spaces.';
const WEATHER = { type: 'function' as const, name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false }, strict: true };

const running: Array<{ close(): Promise<void> }> = [];
let emulator: RunningEmulator;
let bridge: RunningBridge;
let client: OpenAI;

beforeAll(async () => {
  emulator = await startEmulator({ profile: 'ollama' });
  bridge = await startBridge({ backendUrl: emulator.url, profile: 'ollama' });
  running.push(emulator, bridge);
  client = new OpenAI({ baseURL: bridge.url, apiKey: 'unused', maxRetries: 0 });
});
afterAll(() => Promise.all(running.map((r) => r.close())));

/** A chat backend that sends two chunks of an answer, then drops the connection. */
async function dyingBackend(): Promise<string> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const chunk = (content: string) => `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { role: 'assistant', content }, finish_reason: null }] })}\n\n`;
    res.write(chunk('The answer'));
    res.write(chunk(' is'), () => setTimeout(() => res.destroy(), 20));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  running.push({ close: () => new Promise((resolve) => server.close(() => resolve())) });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
}

describe('the openai SDK through the translation', () => {
  it('responses.create and responses.stream read the same answer; the helper accepts the event sequence', async () => {
    const plain = await client.responses.create({ model: MODEL, input: 'Say hello', max_output_tokens: 32 });
    expect(plain).toMatchObject({ object: 'response', status: 'completed', error: null });
    expect(plain.output_text).toMatch(/^Hello from the dropin emulator/);
    const stream = client.responses.stream({ model: MODEL, input: 'Say hello', max_output_tokens: 32 });
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    const final = await stream.finalResponse();
    expect(types.slice(0, 4)).toEqual(['response.created', 'response.in_progress', 'response.output_item.added', 'response.content_part.added']);
    expect(types.at(-1)).toBe('response.completed');
    expect(final.output_text).toBe(plain.output_text);
  });

  it('a cut answer is incomplete, streamed or not (the chat backend said finish_reason length)', async () => {
    expect(await client.responses.create({ model: MODEL, input: COUNT, max_output_tokens: 16 })).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } });
    const stream = client.responses.stream({ model: MODEL, input: COUNT, max_output_tokens: 16 });
    const last: string[] = [];
    stream.on('event', (e) => last.splice(0, 1, e.type));
    expect((await stream.finalResponse()).status).toBe('incomplete');
    expect(last).toEqual(['response.incomplete']);
  });

  it('a streamed function call with parsed arguments, then the function_call_output turn is answered with it', async () => {
    const stream = client.responses.stream({ model: MODEL, input: 'Weather in Paris?', tools: [WEATHER], tool_choice: 'required' });
    const deltas: string[] = [];
    stream.on('response.function_call_arguments.delta', (e) => deltas.push(e.delta));
    const [call] = (await stream.finalResponse()).output as any[];
    expect(call).toMatchObject({ type: 'function_call', name: 'get_weather', parsed_arguments: { city: 'Paris' } });
    expect(deltas.join('')).toBe(call.arguments);
    const answer = await client.responses.create({
      model: MODEL,
      tools: [WEATHER],
      input: [{ role: 'user', content: 'Weather in Paris?' }, { type: 'function_call', call_id: call.call_id, name: call.name, arguments: call.arguments }, { type: 'function_call_output', call_id: call.call_id, output: '{"temperature_c":17.5}' }],
    });
    expect(answer.output_text).toContain('17.5');
  });

  it('previous_response_id continues the conversation a stateless backend could not; retrieve and delete work', async () => {
    const first = await client.responses.create({ model: MODEL, input: PICK, max_output_tokens: 16 });
    const second = await client.responses.create({ model: MODEL, previous_response_id: first.id, input: REPEAT });
    expect(second.output_text).toBe(first.output_text);
    expect((await client.responses.retrieve(first.id)).output_text).toBe(first.output_text);
    await client.responses.delete(first.id);
    await expect(client.responses.retrieve(first.id)).rejects.toThrow(NotFoundError);
    await expect(client.responses.create({ model: MODEL, previous_response_id: first.id, input: REPEAT })).rejects.toThrow(BadRequestError);
    await expect(client.responses.create({ model: MODEL, previous_response_id: 'resp_unknown', input: REPEAT })).rejects.toThrow("Previous response with id 'resp_unknown' not found.");
  });

  it('store: false keeps nothing, so the response cannot be continued', async () => {
    const first = await client.responses.create({ model: MODEL, input: PICK, store: false });
    await expect(client.responses.retrieve(first.id)).rejects.toThrow(NotFoundError);
  });

  it('a built-in tool is refused with a 400 naming it', async () => {
    const refused = client.responses.create({ model: MODEL, input: 'news?', tools: [{ type: 'web_search' }] });
    await expect(refused).rejects.toThrow(BadRequestError);
    await expect(refused).rejects.toMatchObject({ param: 'tools[0].type', code: 'unsupported_value' });
  });

  it('a backend dying mid-stream: the SDK raises the error event, and the stream holds no response.completed', async () => {
    const dying = await startBridge({ backendUrl: await dyingBackend() });
    running.push(dying);
    const failing = new OpenAI({ baseURL: dying.url, apiKey: 'unused', maxRetries: 0 });
    const stream = failing.responses.stream({ model: MODEL, input: 'Say hello' });
    const types: string[] = [];
    stream.on('event', (e) => types.push(e.type));
    await expect(stream.finalResponse()).rejects.toThrow(APIError);
    expect(types).toContain('response.output_text.delta');
    expect(types).not.toContain('response.completed');
    const raw = await fetch(`${dying.url}/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: MODEL, input: 'x', stream: true }) });
    const text = await raw.text();
    expect(text).toMatch(/event: error\ndata: \{"type":"error","sequence_number":\d+,"error":\{"type":"server_error","code":"upstream_disconnected"/);
    expect(text.trimEnd().split('\n\n').at(-1)).toMatch(/^event: response.failed\n/);
  });
});

describe('the Vercel AI SDK through the translation', () => {
  const openai = () => createOpenAI({ baseURL: bridge.url, apiKey: 'unused' });

  it('generateText and streamText read the text, usage and finish reason ("length" when cut)', async () => {
    const model = openai()(MODEL);
    const text = await generateText({ model, prompt: 'Say hello' });
    expect(text.text).toMatch(/^Hello from the dropin emulator/);
    expect(text.finishReason).toBe('stop');
    expect(text.usage.inputTokens).toBeGreaterThan(0);
    const streamed = streamText({ model, prompt: COUNT, maxOutputTokens: 16 });
    expect(await streamed.text).toBe('1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16');
    expect(await streamed.finishReason).toBe('length');
  });

  it('a two-turn conversation with the default store sends item_reference, and the proxy resolves it', async () => {
    const sent: any[] = [];
    const recording: typeof fetch = (url, init) => {
      if (typeof init?.body === 'string') sent.push(JSON.parse(init.body));
      return fetch(url, init);
    };
    const model = createOpenAI({ baseURL: bridge.url, apiKey: 'unused', fetch: recording })(MODEL);
    const first = await generateText({ model, prompt: PICK, maxOutputTokens: 16 });
    const messages: ModelMessage[] = [{ role: 'user', content: PICK }, ...first.response.messages, { role: 'user', content: REPEAT }];
    const second = await streamText({ model, messages, maxOutputTokens: 16 }).text;
    expect(sent[1].input).toContainEqual({ type: 'item_reference', id: expect.stringMatching(/^msg_/) });
    expect(second).toBe(first.text);
  });

  it('a tool loop: the call is executed and its result answered', async () => {
    const weather = tool({ description: 'Current weather in a city', inputSchema: z.object({ city: z.string() }), execute: async ({ city }) => ({ city, temperature_c: 17.5 }) });
    const result = await generateText({ model: openai()(MODEL), prompt: 'Weather in Paris?', tools: { get_weather: weather }, toolChoice: 'auto', stopWhen: stepCountIs(2) });
    expect(result.steps[0].toolCalls[0]).toMatchObject({ toolName: 'get_weather', input: { city: 'Paris' } });
    expect(result.text).toContain('17.5');
  });
});
