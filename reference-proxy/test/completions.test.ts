// POST /v1/completions through the proxy with the official openai SDK, in front of an Ollama
// stand-in (its S26 stream) and a scripted OpenAI look-alike: pass-through with normalisation,
// parameters a backend would ignore refused by name, usage and metrics per endpoint.
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOllama } from './helpers/fake-ollama.ts';
import { startTestProxy, type TestProxy } from './helpers/proxy.ts';
import { json } from './helpers/replies.ts';
import { startUpstream, type FakeUpstream } from './helpers/upstream.ts';

let open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.map((o) => o.close()));
  open = [];
});

async function ollamaProxy(): Promise<{ proxy: TestProxy; up: FakeUpstream; client: OpenAI }> {
  const up = await startFakeOllama('0.33.0');
  const proxy = await startTestProxy([{ name: 'ollama', baseUrl: up.baseUrl, profile: 'auto', models: ['qwen2.5-coder'] }]);
  open.push(proxy, up);
  return { proxy, up, client: new OpenAI({ baseURL: `${proxy.url}/v1`, apiKey: 'unused', maxRetries: 0 }) };
}

const requestLogs = (proxy: TestProxy) => proxy.logs.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request');

describe('the openai SDK completions.create() through the proxy', () => {
  it('gets a whole completion', async () => {
    const { client, proxy } = await ollamaProxy();
    const res = await client.completions.create({ model: 'qwen2.5-coder', prompt: 'Once', max_tokens: 8 });
    expect(res).toMatchObject({ object: 'text_completion', choices: [{ text: 'Once upon a time', index: 0, logprobs: null, finish_reason: 'stop' }] });
    expect(requestLogs(proxy).at(-1)).toMatchObject({ endpoint: 'completions', path: '/v1/completions', profile: 'ollama', tokens: { prompt: 3, completion: 4 } });
  });

  it("streams Ollama's answer conformant: one created, null usage on chunks, usage last, [DONE]", async () => {
    const { client, proxy } = await ollamaProxy();
    const stream = await client.completions.create({ model: 'qwen2.5-coder', prompt: 'Once', stream: true, stream_options: { include_usage: true } });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.map((c) => c.choices[0]?.text ?? '').join('')).toBe('Once upon a time');
    expect(new Set(chunks.map((c) => c.created)).size).toBe(1);
    expect(chunks.slice(0, -1).every((c) => c.usage === null)).toBe(true);
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 3, completion_tokens: 4 } });
    expect(chunks.filter((c) => c.choices[0]?.finish_reason).map((c) => c.choices[0].finish_reason)).toEqual(['stop']);
    expect(requestLogs(proxy).at(-1)).toMatchObject({ endpoint: 'completions', stream: true, repairs: ['created_pinned', 'text_choice_keys_added', 'usage_moved'] });
    const metrics = await proxy.metrics.metrics();
    expect(metrics).toContain('dropin_served_requests_total{locality="local",endpoint="completions"} 1');
    expect(metrics).toContain('dropin_tokens_total{backend="ollama",direction="completion",endpoint="completions"} 4');
  });

  it('refuses, by name, what Ollama would ignore or fail on, without asking it', async () => {
    const { client, up } = await ollamaProxy();
    const refused = async (body: object, param: string) => {
      const error = await client.completions.create({ model: 'qwen2.5-coder', prompt: 'x', ...body } as any).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OpenAI.BadRequestError);
      expect((error as InstanceType<typeof OpenAI.BadRequestError>).param).toBe(param);
    };
    await refused({ echo: true }, 'echo');
    await refused({ prompt: ['a', 'b'] }, 'prompt');
    await refused({ n: 2 }, 'n');
    expect(up.requests.filter((r) => r.path === '/v1/completions')).toHaveLength(0);
  });

  it('validates the request before routing', async () => {
    const { proxy } = await ollamaProxy();
    const res = await fetch(`${proxy.url}/v1/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'qwen2.5-coder' }) });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ param: 'prompt', code: 'missing_required_parameter' });
  });
});

describe('completions routing', () => {
  it('passes a conformant backend through untouched and never sends it to a backend without the API', async () => {
    const body = { id: 'cmpl-x', object: 'text_completion', created: 5, model: 'm', choices: [{ text: 'hi', index: 0, logprobs: null, finish_reason: 'length' }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } };
    const cloud = await startUpstream(json(body));
    const chatOnly = await startUpstream(json({}));
    const proxy = await startTestProxy([
      { name: 'chat-only', baseUrl: chatOnly.baseUrl, profile: 'generic', models: ['m'] },
      { name: 'cloud', baseUrl: cloud.baseUrl, models: ['m'] },
    ]);
    open.push(proxy, cloud, chatOnly);
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${proxy.url}/v1/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'm', prompt: 'x' }) });
      expect(await res.text()).toBe(JSON.stringify(body));
    }
    expect(cloud.requests.map((r) => r.path)).toEqual(Array(4).fill('/v1/completions'));
    expect(chatOnly.requests).toHaveLength(0);
  });
});
