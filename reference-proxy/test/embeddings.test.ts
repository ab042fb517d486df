// POST /v1/embeddings through the proxy, against loopback Ollama stand-ins of the versions that
// matter (wire-facts-surface §2.3) and the official openai SDK: base64 made by the proxy where
// the backend ignores it, dimensions and token input refused where they cannot be honoured,
// routing by embedding model, batches, usage and token limits.
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeFloat32 } from '../endpoints/embeddings/base64.ts';
import { startEmulatorBackend } from './helpers/emulator.ts';
import { startFakeOllama, vectorFor } from './helpers/fake-ollama.ts';
import { startTestProxy, type TestBackend, type TestProxy } from './helpers/proxy.ts';
import { startUpstream, type FakeUpstream } from './helpers/upstream.ts';

const TEXT = 'The quick brown fox';
let open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.map((o) => o.close()));
  open = [];
});

/** A proxy with no profile line in front of an Ollama stand-in of `version`, serving "embed" as an embedding model. */
async function ollamaScene(version: string, backend: Partial<TestBackend> = {}, extra: Record<string, unknown> = {}): Promise<{ proxy: TestProxy; up: FakeUpstream }> {
  const up = await startFakeOllama(version);
  const proxy = await startTestProxy([{ name: 'ollama', baseUrl: up.baseUrl, profile: 'auto', models: ['embed', 'chat'], embeddingModels: ['embed'], ...backend }], extra);
  open.push(proxy, up);
  return { proxy, up };
}

const post = (proxy: TestProxy, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${proxy.url}/v1/embeddings`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const embeddingCalls = (up: FakeUpstream) => up.requests.filter((r) => r.path === '/v1/embeddings');
const lastLog = (proxy: TestProxy) => JSON.parse(proxy.logs.filter((l) => l.includes('"msg":"request"')).at(-1) ?? '{}');

describe('the openai SDK embeddings.create() through the proxy', () => {
  it('gets the vectors as base64 (its default) from an Ollama that ignores encoding_format (< 0.12.7)', async () => {
    const { proxy, up } = await ollamaScene('0.12.6');
    const client = new OpenAI({ baseURL: `${proxy.url}/v1`, apiKey: 'unused', maxRetries: 0 });
    const res = await client.embeddings.create({ model: 'embed', input: [TEXT, 'jumps over'] });
    expect(res.data.map((d) => d.index)).toEqual([0, 1]);
    expect(res.data[0].embedding).toEqual(vectorFor(TEXT).map(Math.fround));
    expect(res.data[1].embedding).toEqual(vectorFor('jumps over').map(Math.fround));
    expect(res.usage).toEqual({ prompt_tokens: 10, total_tokens: 10 });
    // the backend was asked for what it can send; the client got what it asked for
    expect(embeddingCalls(up)[0].body.encoding_format).toBe('float');
    expect(lastLog(proxy)).toMatchObject({ endpoint: 'embeddings', profile: 'ollama-legacy', repairs: ['embedding_encoded', 'encoding_format_float'], tokens: { prompt: 10, completion: 0 } });
    // the APIs an Ollama of this version serves, as /readyz shows them
    const ready = await (await fetch(`${proxy.url}/readyz`)).json();
    expect(ready.backends[0]).toMatchObject({ name: 'ollama', profile: 'ollama-legacy', version: '0.12.6', apis: ['chat', 'completions', 'embeddings'] });
  });

  it('puts little-endian float32 base64 on the wire, exactly what OpenAI sends', async () => {
    const { proxy } = await ollamaScene('0.12.6');
    const body = await (await post(proxy, { model: 'embed', input: TEXT, encoding_format: 'base64' })).json();
    expect(Object.keys(body.data[0]).sort()).toEqual(['embedding', 'index', 'object']);
    expect(typeof body.data[0].embedding).toBe('string');
    expect(decodeFloat32(body.data[0].embedding)).toEqual(vectorFor(TEXT).map(Math.fround));
  });

  it('passes base64 through to an Ollama that sends it (0.12.7 and later), and floats when asked for floats', async () => {
    const { proxy, up } = await ollamaScene('0.13.0');
    const client = new OpenAI({ baseURL: `${proxy.url}/v1`, apiKey: 'unused', maxRetries: 0 });
    const res = await client.embeddings.create({ model: 'embed', input: TEXT });
    expect(res.data[0].embedding).toEqual(vectorFor(TEXT).map(Math.fround));
    expect(embeddingCalls(up)[0].body.encoding_format).toBe('base64');
    expect(lastLog(proxy).repairs).toBeUndefined();
    const floats = await client.embeddings.create({ model: 'embed', input: TEXT, encoding_format: 'float' });
    expect(floats.data[0].embedding).toEqual(vectorFor(TEXT));
  });
});

describe('in front of the emulated Ollama 0.12 (encoding_format ignored)', () => {
  it('gives the openai SDK the same vectors by default (base64) as with floats', async () => {
    const emulator = await startEmulatorBackend({ profile: 'ollama-0.12' });
    const proxy = await startTestProxy([{ name: 'ollama', baseUrl: emulator.baseUrl, profile: 'auto', models: ['dropin-emulator-embed'], embeddingModels: ['dropin-emulator-embed'] }]);
    open.push(proxy, emulator);
    const client = new OpenAI({ baseURL: `${proxy.url}/v1`, apiKey: 'unused', maxRetries: 0 });
    const input = ['red apple', 'blue ocean'];
    const floats = await client.embeddings.create({ model: 'dropin-emulator-embed', input, encoding_format: 'float' });
    const decoded = await client.embeddings.create({ model: 'dropin-emulator-embed', input });
    expect(decoded.data.map((d) => d.embedding)).toEqual(floats.data.map((d) => d.embedding.map(Math.fround)));
    const wire = await (await post(proxy, { model: 'dropin-emulator-embed', input, encoding_format: 'base64' })).json();
    expect(wire.data.every((d: any) => typeof d.embedding === 'string')).toBe(true);
    expect(lastLog(proxy)).toMatchObject({ profile: 'ollama-legacy', repairs: ['embedding_encoded', 'encoding_format_float'] });
  });
});

describe('dimensions', () => {
  it('is passed through where the backend honours it (Ollama 0.11.11 and later)', async () => {
    const { proxy, up } = await ollamaScene('0.12.6');
    const body = await (await post(proxy, { model: 'embed', input: TEXT, encoding_format: 'float', dimensions: 4 })).json();
    expect(body.data[0].embedding).toHaveLength(4);
    expect(embeddingCalls(up)[0].body.dimensions).toBe(4);
  });

  it('is refused with a 400 naming it where the backend would ignore it, without asking the backend', async () => {
    const { proxy, up } = await ollamaScene('0.11.5');
    const res = await post(proxy, { model: 'embed', input: TEXT, dimensions: 4 });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ param: 'dimensions', code: 'unsupported_parameter', type: 'invalid_request_error' });
    expect(embeddingCalls(up)).toHaveLength(0);
  });

  it('is refused when an unknown backend sends vectors of another length, and that backend is not asked again', async () => {
    const up = await startUpstream((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ object: 'list', data: [{ object: 'embedding', index: 0, embedding: vectorFor('x') }], model: req.body.model, usage: { prompt_tokens: 1, total_tokens: 1 } }));
    });
    const proxy = await startTestProxy([{ name: 'unknown', baseUrl: up.baseUrl, profile: 'generic', apis: ['embeddings'], models: ['embed'] }]);
    open.push(proxy, up);
    const res = await post(proxy, { model: 'embed', input: TEXT, dimensions: 4 });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ param: 'dimensions', code: 'unsupported_parameter' });
    expect(up.requests).toHaveLength(1);
    expect(lastLog(proxy)).toMatchObject({ attempts: 1, failovers: [] });
  });
});

describe('input', () => {
  it('sends a batch in order and counts its usage', async () => {
    const { proxy } = await ollamaScene('0.13.0');
    const inputs = ['red apple', 'blue ocean', 'green forest'];
    const body = await (await post(proxy, { model: 'embed', input: inputs, encoding_format: 'float' })).json();
    expect(body.data.map((d: any) => d.embedding)).toEqual(inputs.map((t) => vectorFor(t)));
    expect(body.usage).toEqual({ prompt_tokens: 15, total_tokens: 15 });
  });

  it('refuses token ids for Ollama (400 naming input) but not for a backend that takes them', async () => {
    const { proxy, up } = await ollamaScene('0.13.0');
    const res = await post(proxy, { model: 'embed', input: [[1000, 2000]] });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ param: 'input', code: 'unsupported_parameter' });
    expect(embeddingCalls(up)).toHaveLength(0);
  });

  it('refuses an empty input as OpenAI does', async () => {
    const { proxy, up } = await ollamaScene('0.13.0');
    for (const input of ['', ['a', ''], []]) {
      const res = await post(proxy, { model: 'embed', input });
      expect(res.status).toBe(400);
      expect((await res.json()).error.param).toBe('input');
    }
    expect(embeddingCalls(up)).toHaveLength(0);
  });

  it('counts the input against the key’s tokens per minute', async () => {
    const { proxy } = await ollamaScene('0.13.0', {}, { auth: { keys: [{ name: 'app', key: 'sk-app-key-0123456789', rateLimit: { tokensPerMinute: 20 } }] } });
    const headers = { authorization: 'Bearer sk-app-key-0123456789' };
    const long = 'word '.repeat(40);
    expect((await post(proxy, { model: 'embed', input: long }, headers)).status).toBe(200);
    const limited = await post(proxy, { model: 'embed', input: long }, headers);
    expect(limited.status).toBe(429);
    expect((await limited.json()).error.message).toMatch(/tokens per minute/);
  });
});

describe('routing by embedding model', () => {
  it('sends embeddings only to embedding models, and chat never to them', async () => {
    const { proxy } = await ollamaScene('0.13.0');
    const wrong = await post(proxy, { model: 'chat', input: TEXT });
    expect(wrong.status).toBe(404);
    const error = (await wrong.json()).error;
    expect(error).toMatchObject({ param: 'model', code: 'model_not_supported_on_endpoint' });
    expect(error.message).toContain('/v1/embeddings');
    expect(error.message).toContain('`chat`');
    const chat = await fetch(`${proxy.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'embed', messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(chat.status).toBe(404);
    expect((await chat.json()).error.message).toContain('/v1/chat/completions');
  });

  it('answers 404 naming the endpoint when no backend of the model serves the embeddings API', async () => {
    const up = await startUpstream(() => {});
    const proxy = await startTestProxy([{ name: 'unknown', baseUrl: up.baseUrl, profile: 'generic', models: ['m'] }]);
    open.push(proxy, up);
    const res = await post(proxy, { model: 'm', input: TEXT });
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toMatch(/not served on \/v1\/embeddings: none of its backends \(unknown\) serves \/v1\/embeddings/);
    expect(up.requests).toHaveLength(0);
  });
});
