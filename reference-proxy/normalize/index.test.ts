import { describe, expect, it } from 'vitest';
import { needsNormalization } from './index.ts';

describe('needsNormalization', () => {
  it('lets the server pipe OpenAI bytes untouched and normalises every other profile', () => {
    expect(needsNormalization('openai')).toBe(false);
    for (const profile of ['ollama', 'ollama-legacy', 'llama.cpp', 'vllm'] as const) expect(needsNormalization(profile)).toBe(true);
  });
});
