import { describe, expect, it } from 'vitest';
import type { BackendConfig, Candidate } from '../types.ts';
import { hasImageInput, isEmbeddingModel, mayEmbed, mayTakeImages } from './model-kinds.ts';

const candidate = (model: string, extra: Partial<BackendConfig> = {}): Candidate => ({
  backend: { name: 'b', baseUrl: 'http://x/v1', models: ['chat', 'embed', 'eye'], weight: 1, timeouts: { connectMs: 1, firstByteMs: 1, totalMs: 1 }, profile: 'auto', local: true, ...extra },
  model,
});

describe('model kinds', () => {
  it('knows embedding and vision models only where the backend lists them', () => {
    const listed = { embeddingModels: ['embed'], visionModels: ['eye'] };
    expect(isEmbeddingModel(candidate('embed', listed))).toBe(true);
    expect(isEmbeddingModel(candidate('chat', listed))).toBe(false);
    expect(mayEmbed(candidate('chat', listed))).toBe(false);
    expect(mayTakeImages(candidate('chat', listed))).toBe(false);
    expect(mayTakeImages(candidate('eye', listed))).toBe(true);
  });

  it('lets a backend that lists none be asked anything', () => {
    expect(isEmbeddingModel(candidate('embed'))).toBe(false);
    expect(mayEmbed(candidate('chat'))).toBe(true);
    expect(mayTakeImages(candidate('chat'))).toBe(true);
  });

  it('finds image parts in chat messages', () => {
    expect(hasImageInput([{ role: 'user', content: 'hi' }])).toBe(false);
    expect(hasImageInput([{ role: 'user', content: [{ type: 'text', text: 'look' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,AA' } }] }])).toBe(true);
    expect(hasImageInput([{ role: 'user', content: [null, { type: 'text', text: 'x' }] }])).toBe(false);
  });
});
