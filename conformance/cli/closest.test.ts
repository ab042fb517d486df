import { describe, expect, it } from 'vitest';
import { closest, editDistance } from './closest.ts';

describe('closest', () => {
  it('finds a misspelt name', () => {
    expect(closest('olama', ['spec', 'ollama', 'ollama-legacy', 'llama.cpp'])).toBe('ollama');
    expect(closest('lmstudio', ['vllm', 'lm-studio'])).toBe('lm-studio');
    expect(closest('gpt-4o-mni', ['gpt-4o-mini', 'gpt-4o'])).toBe('gpt-4o-mini');
  });

  it('finds a model named without its tag, or with one too many', () => {
    expect(closest('llama3.2', ['qwen2.5:7b', 'llama3.2:3b'])).toBe('llama3.2:3b');
    expect(closest('llama3.2:3b-instruct', ['qwen2.5:7b', 'llama3.2:3b'])).toBe('llama3.2:3b');
  });

  it('offers nothing when nothing is close', () => {
    expect(closest('gpt-4o', ['llama3.2:3b', 'qwen2.5:7b'])).toBeUndefined();
    expect(closest('x', [])).toBeUndefined();
  });

  it('measures edits case-insensitively', () => {
    expect(editDistance('Kitten', 'sitting')).toBe(3);
    expect(editDistance('ABC', 'abc')).toBe(0);
  });
});
