import { describe, expect, it } from 'vitest';
import { ignoresDimensions, sendsBase64, takesTokenInput } from './capabilities.ts';
import { validateEmbeddingsRequest } from './validate.ts';

const param = (body: unknown) => {
  try {
    validateEmbeddingsRequest(body);
  } catch (error) {
    return (error as { param: string | null }).param;
  }
  return 'accepted';
};

describe('validateEmbeddingsRequest', () => {
  it('accepts strings, batches, token ids and lists of token ids', () => {
    for (const input of ['x', ['a', 'b'], [1, 2], [[1], [2, 3]]]) expect(param({ model: 'm', input, encoding_format: 'base64', dimensions: 8 })).toBe('accepted');
  });

  it('names the parameter of each mistake, empty input included', () => {
    expect(param({ input: 'x' })).toBe('model');
    expect(param({ model: 'm' })).toBe('input');
    for (const input of ['', [], ['a', ''], [[]], ['a', 1], { text: 'x' }]) expect(param({ model: 'm', input })).toBe('input');
    expect(param({ model: 'm', input: 'x', encoding_format: 'binary' })).toBe('encoding_format');
    expect(param({ model: 'm', input: 'x', dimensions: 0 })).toBe('dimensions');
    expect(param({ model: 'm', input: 'x', dimensions: 2.5 })).toBe('dimensions');
  });
});

describe('embeddings capabilities per server (wire-facts-surface §2.3)', () => {
  it('knows who sends base64', () => {
    expect(sendsBase64('ollama-legacy', '0.12.6')).toBe(false);
    expect(sendsBase64('ollama-legacy', '0.12.7')).toBe(true);
    expect(sendsBase64('ollama-legacy')).toBe(false);
    expect(sendsBase64('ollama')).toBe(true);
    expect(sendsBase64('llama.cpp')).toBe(true);
    expect(sendsBase64('lm-studio')).toBe(false);
    expect(sendsBase64('generic')).toBe(false);
  });

  it('knows who ignores dimensions and who refuses token ids', () => {
    expect(ignoresDimensions('llama.cpp')).toBe(true);
    expect(ignoresDimensions('ollama-legacy', '0.11.10')).toBe(true);
    expect(ignoresDimensions('ollama-legacy', '0.11.11')).toBe(false);
    expect(ignoresDimensions('vllm')).toBe(false);
    expect(takesTokenInput('ollama')).toBe(false);
    expect(takesTokenInput('vllm')).toBe(true);
  });
});
