import { describe, expect, it } from 'vitest';
import { identify, identifyByHost, isLegacyOllama, type Observation } from './identify.ts';

const ok = (path: string, json: unknown, server?: string): Observation => ({ path, status: 200, json, ...(server ? { server } : {}) });
const missing = (path: string, server?: string): Observation => ({ path, status: 404, ...(server ? { server } : {}) });
const none = ['/api/version', '/props', '/api/v0/models', '/version'].map((p) => missing(p));
const plus = (...found: Observation[]) => [...none.filter((o) => !found.some((f) => f.path === o.path)), ...found];

describe('identify', () => {
  it('knows Ollama by /api/version, and an Ollama before v0.32.6 as legacy', () => {
    expect(identify(plus(ok('/api/version', { version: '0.33.0' })))).toEqual({ profile: 'ollama', version: '0.33.0', via: 'GET /api/version', path: '/api/version' });
    expect(identify(plus(ok('/api/version', { version: '0.12.10' })))).toMatchObject({ profile: 'ollama-legacy', version: '0.12.10' });
  });

  it('knows llama-server by /props (its build as version), or by its Server header while /props is refused', () => {
    expect(identify(plus(ok('/props', { default_generation_settings: {}, total_slots: 1, build_info: 'b6497-cd08fc3e' }, 'llama.cpp')))).toEqual({
      profile: 'llama.cpp',
      version: 'b6497-cd08fc3e',
      via: 'GET /props',
      path: '/props',
    });
    const loading = [missing('/api/version', 'llama.cpp'), { path: '/props', status: 503, server: 'llama.cpp' }];
    expect(identify(loading)).toMatchObject({ profile: 'llama.cpp', via: 'server header on GET /api/version' });
    expect(identify(loading).version).toBeUndefined();
  });

  it('knows LM Studio by its REST model list, not by any OpenAI-like list', () => {
    const lm = { object: 'list', data: [{ id: 'qwen', object: 'model', type: 'llm', publisher: 'lmstudio-community', compatibility_type: 'gguf' }] };
    expect(identify(plus(ok('/api/v0/models', lm)))).toEqual({ profile: 'lm-studio', via: 'GET /api/v0/models', path: '/api/v0/models' });
    const plain = { object: 'list', data: [{ id: 'x', object: 'model', created: 1, owned_by: 'me' }] };
    expect(identify(plus(ok('/api/v0/models', plain))).profile).toBe('generic');
  });

  it('knows vLLM by /version, naming the server header it came with', () => {
    expect(identify(plus(ok('/version', { version: '0.11.0' }, 'uvicorn')))).toEqual({
      profile: 'vllm',
      version: '0.11.0',
      via: 'GET /version (server uvicorn)',
      path: '/version',
    });
  });

  it('trusts the routes in order: an Ollama that also answered /version is Ollama', () => {
    expect(identify(plus(ok('/api/version', { version: '0.33.0' }), ok('/version', { version: '1.0.0' }))).profile).toBe('ollama');
  });

  it('calls anything else generic: nothing answering, errors, HTML, a chat completion on every path', () => {
    expect(identify(none)).toEqual({ profile: 'generic', via: 'no identifying route answered' });
    expect(identify(none.map((o) => ({ path: o.path, status: 0 }))).profile).toBe('generic');
    const echo = { id: 'chatcmpl-1', object: 'chat.completion', choices: [] };
    expect(identify(none.map((o) => ok(o.path, echo))).profile).toBe('generic');
    expect(identify([ok('/api/version', { version: 12 })]).profile).toBe('generic');
  });

  it('keeps only a version-like first word, since versions reach logs and metric labels', () => {
    expect(identify([ok('/props', { build_info: 'b0-sim (5266f24d simulated)' })]).version).toBe('b0-sim');
    expect(identify([ok('/api/version', { version: '<script>alert(1)</script>' })]).profile).toBe('generic');
    expect(identify([ok('/version', { version: 'x'.repeat(65) })]).profile).toBe('generic');
  });
});

describe('isLegacyOllama', () => {
  it.each([
    ['0.32.5', true],
    ['0.5.12', true],
    ['v0.32.5', true],
    ['0.32.6', false],
    ['0.32.6-rc1', false],
    ['0.33.0-rc2', false],
    ['1.0.0', false],
    ['0.0.0', true],
    ['dev', false],
  ])('%s → %s', (version, legacy) => expect(isLegacyOllama(version)).toBe(legacy));
});

describe('identifyByHost', () => {
  it('knows OpenAI by its API host and nothing else by host', () => {
    expect(identifyByHost('https://api.openai.com/v1')).toEqual({ profile: 'openai', via: 'host api.openai.com' });
    expect(identifyByHost('https://example.openai.azure.com/openai/v1')).toBeUndefined();
    expect(identifyByHost('https://api.groq.com/openai/v1')).toBeUndefined();
    expect(identifyByHost('http://127.0.0.1:11434/v1')).toBeUndefined();
  });
});
