import { describe, expect, it } from 'vitest';
import type { ProxyConfig } from '../types.ts';
import { listModels, modelIdOf } from './models.ts';
import { routeFor } from './routes.ts';

const config = {
  backends: [
    { name: 'local-a', models: ['llama3.2:3b', 'qwen2.5:7b'] },
    { name: 'local-b', models: ['llama3.2:3b'] },
    { name: 'cloud', models: ['gpt-4o-mini'] },
  ],
  aliases: { fast: [{ backend: 'local-a', model: 'llama3.2:3b' }] },
} as unknown as ProxyConfig;

describe('listModels', () => {
  it('lists each backend model once, owned by the first backend serving it, then aliases', () => {
    expect(listModels(config, 7)).toEqual({
      object: 'list',
      data: [
        { id: 'llama3.2:3b', object: 'model', created: 7, owned_by: 'local-a' },
        { id: 'qwen2.5:7b', object: 'model', created: 7, owned_by: 'local-a' },
        { id: 'gpt-4o-mini', object: 'model', created: 7, owned_by: 'cloud' },
        { id: 'fast', object: 'model', created: 7, owned_by: 'dropin' },
      ],
    });
  });

  it("keeps only the models a key's allowlist names", () => {
    expect(listModels(config, 7, ['fast', 'gpt-4o-mini']).data.map((m) => m.id)).toEqual(['gpt-4o-mini', 'fast']);
  });
});

describe('GET /v1/models/{id}', () => {
  it('is routed by prefix, the list keeping its own route', () => {
    expect(routeFor('/v1/models/llama3.2:3b')?.path).toBe('/v1/models/');
    expect(routeFor('/v1/models')?.path).toBe('/v1/models');
    expect(routeFor('/v1/models/')).toBeUndefined();
  });

  it('reads the id percent-decoded, as openai-node sends ids with "/"', () => {
    expect(modelIdOf('/v1/models/hf.co%2Fuser%2Frepo:Q4')).toBe('hf.co/user/repo:Q4');
    expect(modelIdOf('/v1/models/llama3.2:3b')).toBe('llama3.2:3b');
    expect(modelIdOf('/v1/models/%E0%A4%A')).toBeUndefined();
  });
});
