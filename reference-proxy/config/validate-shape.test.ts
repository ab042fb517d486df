import { describe, expect, it } from 'vitest';
import { validateShape } from './validate-shape.ts';

const backend = { name: 'local', baseUrl: 'http://127.0.0.1:11434/v1', models: ['llama3.2:3b'] };
const withBackend = (extra: Record<string, unknown> = {}, b: Record<string, unknown> = {}) => ({ backends: [{ ...backend, ...b }], ...extra });

describe('validateShape', () => {
  it('accepts a minimal and a full config', () => {
    expect(validateShape(withBackend())).toEqual([]);
    expect(
      validateShape({
        listen: { host: '0.0.0.0', port: 8080, tls: { certFile: 'c.pem', keyFile: 'k.pem' } },
        backends: [{ ...backend, apiKey: 'env:K', weight: 2.5, maxConcurrency: 4, timeouts: { connectMs: 1, firstByteMs: 2, totalMs: 3 }, profile: 'llama.cpp', local: false, healthPath: '/health', price: { input: 0.1, output: 0.2 }, apis: ['chat', 'embeddings'], embeddingModels: ['llama3.2:3b'], visionModels: [] }],
        aliases: { fast: [{ backend: 'local', model: 'llama3.2:3b' }] },
        rules: [{ name: 'r', when: { model: ['a'], systemPromptKeywords: ['x'], systemPromptRegex: 'y', promptTokensAbove: 1, promptTokensBelow: 9, hasTools: true, jsonSchema: false, header: { 'x-tier': 'gold' }, endpoint: ['chat', 'completions'] }, route: 'fast' }],
        retry: { statuses: [429], attempts: 2, backoffMs: { initial: 1, max: 2 }, honourRetryAfter: false },
        health: { failureThreshold: 1, cooldownMs: 0, probeIntervalMs: 1000 },
        auth: { keys: [{ name: 'k', key: 'secret', models: ['fast'], rateLimit: { requestsPerMinute: 1, tokensPerMinute: 2 } }] },
        guard: { enabled: false, stream: 'pass' },
        safety: { systemPrompt: 's', denyInput: ['a'], denyOutput: ['b'] },
        limits: { maxBodyBytes: 1, headersTimeoutMs: 1, requestTimeoutMs: 1, maxConcurrent: 1 },
        cors: { origins: ['https://app.example'] },
        reasoning: { field: 'both' },
        images: { fetchUrls: true, allowPrivateHosts: false, maxBytes: 1000, timeoutMs: 100 },
      }),
    ).toEqual([]);
  });

  it('names the path and what to change for each kind of mistake', () => {
    const cases: Array<[unknown, string]> = [
      [5, '(config root): must be a mapping (got 5)'],
      [{}, 'backends: is required; it must list at least one backend'],
      [{ backends: [] }, 'backends: must list at least one backend (got a list of 0)'],
      [withBackend({}, { baseUrl: 'http://x' }), 'backends[0].baseUrl: must be a URL ending in /v1 (got "http://x")'],
      [withBackend({}, { weigth: 2 }), 'backends[0].weigth: unknown key; did you mean "weight"?'],
      [withBackend({}, { profile: 'olama' }), 'backends[0].profile: must be one of "auto", "openai", "ollama", "ollama-legacy", "llama.cpp", "vllm", "lm-studio", "generic" (got "olama"); did you mean "ollama"?'],
      [withBackend({}, { timeouts: { firstByteMs: 0 } }), 'backends[0].timeouts.firstByteMs: must be >= 1 (got 0)'],
      [withBackend({}, { models: ['a', 'a'] }), 'backends[0].models: must list the model names this backend serves, each once (got a list of 2)'],
      [withBackend({}, { name: 'has space' }), `backends[0].name: must be a short name of letters, digits, '.', '_' or '-' (got "has space")`],
      [withBackend({}, { weight: 0 }), 'backends[0].weight: must be > 0 (got 0)'],
      [withBackend({}, { healthPath: 'health' }), 'backends[0].healthPath: must be a path starting with / (got "health")'],
      [withBackend({}, { apiKey: '' }), 'backends[0].apiKey: must be the key itself or env:VARIABLE_NAME'],
      [withBackend({ listen: { port: 'x' } }), 'listen.port: must be a whole number (got "x")'],
      [withBackend({ listen: { port: 70000 } }), 'listen.port: must be <= 65535 (got 70000)'],
      [withBackend({ aliases: { fast: [] } }), 'aliases.fast: must list at least one {backend, model} target (got a list of 0)'],
      [withBackend({ aliases: { 'gpt-4o': [{ backend: 'local' }] } }), 'aliases["gpt-4o"][0].model: is required'],
      [withBackend({ rules: [{ name: 'r', when: {}, route: 'fast' }] }), 'rules[0].when: must give at least one condition (a rule without one would catch every request)'],
      [withBackend({ rules: [{ name: 'r', when: { hasTools: 'yes' }, route: 'fast' }] }), 'rules[0].when.hasTools: must be a boolean (got "yes")'],
      [withBackend({ rules: [{ name: 'r', when: { header: { 'X-Tier': 'a' } }, route: 'fast' }] }), 'rules[0].when.header["X-Tier"]: header names must be lower-case'],
      [withBackend({ rules: [{ name: 'r', when: { hasTools: true }, route: 5 }] }), 'rules[0].route: must be a string or a list (got 5)'],
      [withBackend({ rules: [{ name: 'r', when: { hasTools: true }, route: [] }] }), 'rules[0].route: must name an alias or model, or list {backend, model} targets (got a list of 0)'],
      [withBackend({ retry: { statuses: [200] } }), 'retry.statuses[0]: must be an HTTP error status between 400 and 599 (got 200)'],
      [withBackend({ auth: { keys: [] } }), 'auth.keys: must list at least one key (remove auth to run without inbound keys) (got a list of 0)'],
      [withBackend({ guard: { stream: 'chunked' } }), 'guard.stream: must be one of "buffer", "pass" (got "chunked")'],
      [withBackend({ limits: { maxBodyBytes: 1.5 } }), 'limits.maxBodyBytes: must be a whole number (got 1.5)'],
      [withBackend({ helth: {} }), 'helth: unknown key; did you mean "health"?'],
      [withBackend({ banana: 1 }), 'banana: unknown key; remove it (allowed here: listen, backends, aliases, rules, retry, health, auth, guard, safety, limits, cors, state, images, responses, reasoning, shutdown)'],
      [withBackend({}, { apis: ['chat', 'embedding'] }), 'backends[0].apis[1]: must be one of "chat", "responses", "embeddings", "completions" (got "embedding"); did you mean "embeddings"?'],
      [withBackend({ rules: [{ name: 'r', when: { endpoint: ['chats'] }, route: 'fast' }] }), 'rules[0].when.endpoint[0]: must be one of "chat", "responses", "embeddings", "completions" (got "chats"); did you mean "chat"?'],
      [withBackend({ reasoning: { field: 'thinking' } }), 'reasoning.field: must be one of "reasoning_content", "reasoning", "both" (got "thinking")'],
      [withBackend({ state: { redis: { url: 'http://user:hunter2@cache:6379' } } }), 'state.redis.url: must be a redis:// or rediss:// URL, or env:VARIABLE_NAME holding one'],
      [withBackend({ state: { redis: {} } }), 'state.redis.url: is required; it must be a redis:// or rediss:// URL, or env:VARIABLE_NAME holding one'],
      [withBackend({ shutdown: { drainMs: -1 } }), 'shutdown.drainMs: must be >= 0 (got -1)'],
    ];
    for (const [raw, message] of cases) expect(validateShape(raw)).toContain(message);
  });

  it('reports a misspelt required key once, as the typo', () => {
    const problems = validateShape({ backends: [{ name: 'a', baseURL: 'http://127.0.0.1/v1', models: ['m'] }] });
    expect(problems).toEqual(['backends[0].baseURL: unknown key; did you mean "baseUrl"?']);
  });

  it('reports every problem, not just the first', () => {
    expect(validateShape({ backends: [{ name: 'a' }], listen: { port: -1 } })).toHaveLength(3);
  });
});
