import { describe, expect, it } from 'vitest';
import type { Target } from '../../core/endpoint.ts';
import type { QuirkProfile } from '../../types.ts';
import { refuseTextCompletion } from './refusals.ts';
import { validateTextCompletionRequest } from './validate.ts';

const target = (profile: QuirkProfile): Target => ({
  candidate: { backend: { name: 'b', baseUrl: 'http://x/v1', models: ['m'], weight: 1, timeouts: { connectMs: 1, firstByteMs: 1, totalMs: 1 }, profile, local: true }, model: 'm' },
  profile,
  apis: new Set(['completions']),
});
const refusedParam = (body: object, profile: QuirkProfile) => refuseTextCompletion({ model: 'm', prompt: 'x', ...body }, target(profile))?.param;

describe('legacy completions refusals', () => {
  it("refuses llama-server's unsupported parameters (which it answers with a 500)", () => {
    expect(refusedParam({ echo: true }, 'llama.cpp')).toBe('echo');
    expect(refusedParam({ best_of: 2 }, 'llama.cpp')).toBe('best_of');
    expect(refusedParam({ suffix: '}' }, 'llama.cpp')).toBe('suffix');
    expect(refusedParam({ prompt: ['a', 'b'] }, 'llama.cpp')).toBeUndefined();
  });

  it("refuses what Ollama ignores, and lets the same through to servers that honour it", () => {
    expect(refusedParam({ prompt: [1, 2] }, 'ollama')).toBe('prompt');
    expect(refusedParam({ echo: true }, 'ollama-legacy')).toBe('echo');
    expect(refusedParam({ suffix: '}' }, 'ollama')).toBeUndefined();
    for (const profile of ['openai', 'vllm', 'generic'] as const) expect(refusedParam({ echo: true, best_of: 2, n: 2 }, profile)).toBeUndefined();
  });
});

describe('validateTextCompletionRequest', () => {
  it('accepts every prompt form the API allows, null included', () => {
    for (const prompt of ['x', ['a', 'b'], [1, 2], [[1], [2, 3]], null]) expect(() => validateTextCompletionRequest({ model: 'm', prompt })).not.toThrow();
  });

  it('names the parameter of each mistake', () => {
    const param = (body: unknown) => {
      try {
        validateTextCompletionRequest(body);
      } catch (error) {
        return (error as { param: string | null }).param;
      }
      return 'accepted';
    };
    expect(param({ prompt: 'x' })).toBe('model');
    expect(param({ model: 'm' })).toBe('prompt');
    expect(param({ model: 'm', prompt: [1, 'a'] })).toBe('prompt');
    expect(param({ model: 'm', prompt: 'x', stream: 'yes' })).toBe('stream');
    expect(param([])).toBeNull();
  });
});
