import { describe, expect, it } from 'vitest';
import { closest, didYouMean, editDistance } from './suggest.ts';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions, ignoring case', () => {
    expect(editDistance('weigth', 'weight')).toBe(2);
    expect(editDistance('baseURL', 'baseUrl')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('model', 'models')).toBe(1);
  });
});

describe('closest', () => {
  it('offers the nearest plausible candidate and nothing for unrelated words', () => {
    expect(closest('olama', ['openai', 'ollama', 'vllm'])).toBe('ollama');
    expect(closest('timeout', ['timeouts', 'weight'])).toBe('timeouts');
    expect(closest('banana', ['timeouts', 'weight'])).toBeUndefined();
    expect(closest('llama3.2', ['qwen2.5:7b', 'llama3.2:3b'])).toBe('llama3.2:3b');
    expect(closest('ll', ['llama3.2:3b'])).toBeUndefined();
  });

  it('formats the suggestion for a message', () => {
    expect(didYouMean('modles', ['models', 'name'])).toBe('; did you mean "models"?');
    expect(didYouMean('zzz', ['models'])).toBe('');
  });
});
