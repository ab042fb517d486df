import { describe, expect, it } from 'vitest';
import type { BackendConfig, QuirkProfile } from '../types.ts';
import { BackendApis, defaultApis } from './apis.ts';

const list = (apis: ReadonlySet<string>) => [...apis].sort();

describe('defaultApis (wire-facts-surface)', () => {
  it('gives each known server the APIs it serves', () => {
    for (const profile of ['openai', 'ollama', 'vllm', 'lm-studio'] as const) expect(list(defaultApis(profile))).toEqual(['chat', 'completions', 'embeddings', 'responses']);
    expect(list(defaultApis('llama.cpp'))).toEqual(['chat', 'completions', 'embeddings']);
    expect(list(defaultApis('generic'))).toEqual(['chat']);
  });

  it("adds Responses to an older Ollama from v0.13.3, when its version is known", () => {
    expect(defaultApis('ollama-legacy', '0.13.3').has('responses')).toBe(true);
    expect(defaultApis('ollama-legacy', '0.13.2').has('responses')).toBe(false);
    expect(defaultApis('ollama-legacy').has('responses')).toBe(false);
    expect(defaultApis('ollama-legacy').has('embeddings')).toBe(true);
  });
});

describe('BackendApis', () => {
  const backend = (name: string, apis?: BackendConfig['apis']) => ({ name, apis }) as BackendConfig;

  it('prefers the config, and follows a backend identified again', () => {
    let current: { profile: QuirkProfile; version?: string } = { profile: 'generic' };
    const apis = new BackendApis([backend('set', ['embeddings']), backend('auto')], { get: () => current });
    expect(list(apis.get('set'))).toEqual(['embeddings']);
    expect(list(apis.get('auto'))).toEqual(['chat']);
    current = { profile: 'ollama-legacy', version: '0.12.0' };
    expect(apis.get('auto').has('embeddings')).toBe(true);
    expect(apis.get('auto').has('responses')).toBe(false);
    current = { profile: 'ollama-legacy', version: '0.14.0' };
    expect(apis.get('auto').has('responses')).toBe(true);
    expect(apis.get('auto')).toBe(apis.get('auto'));
  });
});
