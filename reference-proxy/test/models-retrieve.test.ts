// GET /v1/models/{id} answered from the config, as the openai SDK's models.retrieve() asks it:
// backend models and aliases, ids with "/" and ":" as the SDK encodes them, a 404 envelope (the
// SDK's NotFoundError) for an unknown id or one the caller's key may not use.
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestProxy, type TestProxy } from './helpers/proxy.ts';
import { startUpstream, type FakeUpstream } from './helpers/upstream.ts';

let up: FakeUpstream;
let proxy: TestProxy;

beforeAll(async () => {
  up = await startUpstream(() => {});
  proxy = await startTestProxy([{ name: 'local', baseUrl: up.baseUrl, models: ['llama3.2:3b', 'hf.co/user/repo:Q4', 'meta-llama/Llama-3.1-8B'] }], {
    aliases: { fast: [{ backend: 'local', model: 'llama3.2:3b' }] },
    auth: { keys: [{ name: 'all', key: 'sk-all-0123456789' }, { name: 'fast-only', key: 'sk-fast-0123456789', models: ['fast'] }] },
  });
});

afterAll(async () => {
  await proxy.close();
  await up.close();
});

const client = (key = 'sk-all-0123456789') => new OpenAI({ baseURL: `${proxy.url}/v1`, apiKey: key, maxRetries: 0 });

describe('models.retrieve() through the proxy', () => {
  it.each(['llama3.2:3b', 'hf.co/user/repo:Q4', 'meta-llama/Llama-3.1-8B'])('finds the backend model %s', async (id) => {
    expect(await client().models.retrieve(id)).toMatchObject({ id, object: 'model', owned_by: 'local' });
  });

  it('finds an alias', async () => {
    expect(await client().models.retrieve('fast')).toMatchObject({ id: 'fast', object: 'model', owned_by: 'dropin' });
  });

  it('accepts the id with a raw "/" too', async () => {
    const res = await fetch(`${proxy.url}/v1/models/meta-llama/Llama-3.1-8B`, { headers: { authorization: 'Bearer sk-all-0123456789' } });
    expect((await res.json()).id).toBe('meta-llama/Llama-3.1-8B');
  });

  it('answers an unknown id, or one the key may not use, with NotFoundError', async () => {
    await expect(client().models.retrieve('gpt-5')).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    await expect(client('sk-fast-0123456789').models.retrieve('llama3.2:3b')).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    expect(await client('sk-fast-0123456789').models.retrieve('fast')).toMatchObject({ id: 'fast' });
    await expect(client('sk-wrong-0123456789').models.retrieve('fast')).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    expect(up.requests).toHaveLength(0);
  });
});
