// The official openai SDK through the proxy, against the emulator: what an application sees.
import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startEmulatorBackend } from './helpers/emulator.ts';
import { startTestProxy, type TestProxy } from './helpers/proxy.ts';

const CLIENT_KEY = 'sk-client-key-abcdef123456';
let emulators: Array<{ baseUrl: string; close(): Promise<void> }>;
let proxy: TestProxy;
let client: OpenAI;

beforeAll(async () => {
  emulators = [await startEmulatorBackend(), await startEmulatorBackend({ profile: 'ollama-legacy', models: ['ollama-model'] })];
  proxy = await startTestProxy(
    [
      { name: 'emu', baseUrl: emulators[0].baseUrl, models: ['dropin-emulator-1', 'dropin-emulator-mini'] },
      { name: 'emu-ollama', baseUrl: emulators[1].baseUrl, models: ['ollama-model'], profile: 'ollama-legacy' },
    ],
    {
      aliases: { fast: [{ backend: 'emu', model: 'dropin-emulator-mini' }] },
      auth: {
        keys: [
          { name: 'app', key: CLIENT_KEY },
          { name: 'limited', key: 'sk-limited-key-abcdef123456', models: ['fast'], rateLimit: { requestsPerMinute: 1 } },
        ],
      },
    },
  );
  client = new OpenAI({ baseURL: `${proxy.url}/v1`, apiKey: CLIENT_KEY, maxRetries: 0 });
});

afterAll(async () => {
  await proxy.close();
  await Promise.all(emulators.map((e) => e.close()));
});

const weatherTool = {
  type: 'function' as const,
  function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
};

describe('the openai SDK through the proxy', () => {
  it('gets a chat completion', async () => {
    const res = await client.chat.completions.create({ model: 'dropin-emulator-1', messages: [{ role: 'user', content: 'Say hello' }] });
    expect(res.object).toBe('chat.completion');
    expect(res.model).toBe('dropin-emulator-1');
    expect(typeof res.choices[0].message.content).toBe('string');
    expect(res.usage?.total_tokens).toBeGreaterThan(0);
  });

  it('resolves an alias to its backend model', async () => {
    const res = await client.chat.completions.create({ model: 'fast', messages: [{ role: 'user', content: 'Say hello' }] });
    expect(res.choices[0].finish_reason).toBe('stop');
  });

  it('streams with include_usage: text deltas, one finish reason, a final usage chunk', async () => {
    const stream = await client.chat.completions.create({
      model: 'dropin-emulator-1',
      messages: [{ role: 'user', content: 'Tell me a short story' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    const finishes: string[] = [];
    let usage: unknown;
    for await (const chunk of stream) {
      for (const choice of chunk.choices) {
        text += choice.delta.content ?? '';
        if (choice.finish_reason) finishes.push(choice.finish_reason);
      }
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text.length).toBeGreaterThan(0);
    expect(finishes).toEqual(['stop']);
    expect(usage).toMatchObject({ total_tokens: expect.any(Number) });
  });

  it('returns tool calls, also when streamed', async () => {
    const body = { model: 'dropin-emulator-1', messages: [{ role: 'user' as const, content: 'Weather in Paris?' }], tools: [weatherTool], tool_choice: 'required' as const };
    const res = await client.chat.completions.create(body);
    const call = res.choices[0].message.tool_calls?.[0];
    expect(call?.type === 'function' && call.function.name).toBe('get_weather');
    expect(res.choices[0].finish_reason).toBe('tool_calls');

    const runner = client.chat.completions.stream(body);
    const final = await runner.finalChatCompletion();
    const streamed = final.choices[0].message.tool_calls?.[0];
    expect(streamed?.type === 'function' && streamed.function.name).toBe('get_weather');
    expect(JSON.parse(streamed?.type === 'function' ? streamed.function.arguments : '')).toHaveProperty('city');
  });

  it('parses structured output with a zod schema', async () => {
    const Answer = z.object({ city: z.string(), temperature: z.number() });
    const res = await client.chat.completions.parse({
      model: 'dropin-emulator-1',
      messages: [{ role: 'user', content: 'Weather in Paris as JSON' }],
      response_format: zodResponseFormat(Answer, 'answer'),
    });
    const parsed = res.choices[0].message.parsed;
    expect(typeof parsed?.city).toBe('string');
    expect(typeof parsed?.temperature).toBe('number');
  });

  it('normalises a legacy Ollama stream: role once, created pinned, one finish reason', async () => {
    const stream = await client.chat.completions.create({ model: 'ollama-model', messages: [{ role: 'user', content: 'Tell me a short story' }], stream: true });
    const roles: string[] = [];
    const created = new Set<number>();
    const finishes: string[] = [];
    let text = '';
    for await (const chunk of stream) {
      created.add(chunk.created);
      for (const choice of chunk.choices) {
        if (choice.delta.role) roles.push(choice.delta.role);
        if (choice.finish_reason) finishes.push(choice.finish_reason);
        text += choice.delta.content ?? '';
      }
    }
    expect(roles).toEqual(['assistant']);
    expect(created.size).toBe(1);
    expect(finishes).toEqual(['stop']);
    expect(text.length).toBeGreaterThan(0);

    const runner = client.chat.completions.stream({ model: 'ollama-model', messages: [{ role: 'user', content: 'Weather in Paris?' }], tools: [weatherTool] });
    const call = (await runner.finalChatCompletion()).choices[0].message.tool_calls?.[0];
    expect(call?.type === 'function' && call.function.name).toBe('get_weather');
  });

  it('lists backend models and aliases', async () => {
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toEqual(['dropin-emulator-1', 'dropin-emulator-mini', 'ollama-model', 'fast']);
  });

  it('maps proxy errors to the SDK error classes (401, 404, 429)', async () => {
    const messages = [{ role: 'user' as const, content: 'hi' }];
    const stranger = new OpenAI({ baseURL: `${proxy.url}/v1`, apiKey: 'sk-wrong-key-000000000000', maxRetries: 0 });
    await expect(stranger.chat.completions.create({ model: 'fast', messages })).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    await expect(client.chat.completions.create({ model: 'no-such-model', messages })).rejects.toBeInstanceOf(OpenAI.NotFoundError);

    const limited = new OpenAI({ baseURL: `${proxy.url}/v1`, apiKey: 'sk-limited-key-abcdef123456', maxRetries: 0 });
    await expect(limited.chat.completions.create({ model: 'dropin-emulator-1', messages })).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    await limited.chat.completions.create({ model: 'fast', messages });
    const error = await limited.chat.completions.create({ model: 'fast', messages }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect(Number((error as InstanceType<typeof OpenAI.RateLimitError>).headers?.get('retry-after'))).toBeGreaterThan(0);
  });
});
