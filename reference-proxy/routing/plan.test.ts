import { describe, expect, it } from 'vitest';
import { applyDefaults } from '../config/defaults.ts';
import { ProxyError } from '../errors.ts';
import type { HealthView, RoutePlan } from '../types.ts';
import { planRoute } from './plan.ts';
import { seededRandom } from './order-candidates.ts';

const config = applyDefaults({
  backends: [
    { name: 'ollama-a', baseUrl: 'http://127.0.0.1:11434/v1', models: ['llama3.2:3b', 'qwen2.5:7b'] },
    { name: 'ollama-b', baseUrl: 'http://127.0.0.1:11435/v1', models: ['llama3.2:3b'] },
    { name: 'cloud', baseUrl: 'https://api.openai.com/v1', models: ['gpt-4o', 'gpt-4o-mini'] },
  ],
  aliases: {
    fast: [
      { backend: 'ollama-b', model: 'llama3.2:3b' },
      { backend: 'ollama-a', model: 'llama3.2:3b' },
      { backend: 'cloud', model: 'gpt-4o-mini' },
    ],
    smart: [{ backend: 'cloud', model: 'gpt-4o' }],
  },
  rules: [
    { name: 'long', when: { model: 'fast', promptTokensAbove: 1000 }, route: 'smart' },
    { name: 'tools', when: { hasTools: true }, route: [{ backend: 'cloud', model: 'gpt-4o' }, { backend: 'ollama-a', model: 'qwen2.5:7b' }] },
    { name: 'tier', when: { header: { 'x-tier': 'premium' } }, route: 'gpt-4o' },
  ],
});

const healthy: HealthView = { isAvailable: () => true, outstanding: () => 0 };
const down = (...names: string[]): HealthView => ({ isAvailable: (b) => !names.includes(b), outstanding: () => 0 });
const route = (plan: RoutePlan) => plan.candidates.map((c) => `${c.backend.name}/${c.model}`);
const ask = (model: string, extra: Record<string, unknown> = {}) => ({ body: { model, messages: [{ role: 'user', content: 'hi' }], ...extra }, headers: {} });

describe('planRoute', () => {
  it('follows an alias chain in order', () => {
    const plan = planRoute(config, ask('fast'), healthy);
    expect(plan.publicModel).toBe('fast');
    expect(plan.rule).toBeUndefined();
    expect(route(plan)).toEqual(['ollama-b/llama3.2:3b', 'ollama-a/llama3.2:3b', 'cloud/gpt-4o-mini']);
  });

  it('moves an unhealthy chain member to the end instead of dropping it', () => {
    expect(route(planRoute(config, ask('fast'), down('ollama-b')))).toEqual(['ollama-a/llama3.2:3b', 'cloud/gpt-4o-mini', 'ollama-b/llama3.2:3b']);
  });

  it('balances a plain model across every backend serving it', () => {
    const busyA: HealthView = { isAvailable: () => true, outstanding: (b) => (b === 'ollama-a' ? 2 : 0) };
    expect(route(planRoute(config, ask('llama3.2:3b'), busyA))).toEqual(['ollama-b/llama3.2:3b', 'ollama-a/llama3.2:3b']);
    expect(route(planRoute(config, ask('qwen2.5:7b'), healthy))).toEqual(['ollama-a/qwen2.5:7b']);
  });

  it('is deterministic for a seeded random', () => {
    const run = () => route(planRoute(config, ask('llama3.2:3b'), healthy, seededRandom(42)));
    expect(run()).toEqual(run());
  });

  it('applies the first matching rule and names it', () => {
    const long = ask('fast', { messages: [{ role: 'user', content: 'x'.repeat(8000) }] });
    expect(planRoute(config, long, healthy)).toMatchObject({ publicModel: 'fast', rule: 'long' });
    expect(route(planRoute(config, long, healthy))).toEqual(['cloud/gpt-4o']);
    const both = { ...long, body: { ...long.body, tools: [{ type: 'function', function: { name: 'f' } }] } };
    expect(planRoute(config, both, healthy).rule).toBe('long');
  });

  it('routes a rule to a target list, an alias or a plain model', () => {
    const tools = planRoute(config, ask('llama3.2:3b', { tools: [{ type: 'function', function: { name: 'f' } }] }), down('cloud'));
    expect(tools.rule).toBe('tools');
    expect(route(tools)).toEqual(['ollama-a/qwen2.5:7b', 'cloud/gpt-4o']);
    const premium = planRoute(config, { body: { model: 'fast', messages: [] }, headers: { 'X-Tier': 'premium' } }, healthy);
    expect(premium.rule).toBe('tier');
    expect(route(premium)).toEqual(['cloud/gpt-4o']);
  });

  it('falls through to the model when no rule matches', () => {
    const short = ask('fast', { messages: [{ role: 'user', content: 'x'.repeat(100) }] });
    expect(planRoute(config, short, healthy).rule).toBeUndefined();
    expect(planRoute(config, { ...short, headers: { 'x-tier': 'basic' } }, healthy).rule).toBeUndefined();
  });

  it('answers an unknown model as OpenAI does', () => {
    let thrown: unknown;
    try {
      planRoute(config, ask('gpt-5'), healthy);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(ProxyError);
    expect((thrown as ProxyError).status).toBe(404);
    expect((thrown as ProxyError).toBody()).toEqual({
      error: { message: 'The model `gpt-5` does not exist or you do not have access to it.', type: 'invalid_request_error', param: null, code: 'model_not_found' },
    });
  });

  it('rejects a request without a model', () => {
    expect(() => planRoute(config, { body: { messages: [] }, headers: {} }, healthy)).toThrow(expect.objectContaining({ status: 400, param: 'model' }));
    expect(() => planRoute(config, { body: null, headers: {} }, healthy)).toThrow(ProxyError);
  });

  it('lists each backend/model pair once even if a chain repeats it', () => {
    const dup = { ...config, aliases: { twice: [config.aliases.smart[0], config.aliases.smart[0]] } };
    expect(route(planRoute(dup, ask('twice'), healthy))).toEqual(['cloud/gpt-4o']);
  });
});

describe('planRoute with an endpoint scope', () => {
  const onlyCloud = (endpoint = 'embeddings') => ({
    endpoint,
    serves: (c: { backend: { name: string } }) => c.backend.name === 'cloud',
    tokens: () => 5,
    unserved: (model: string, candidates: unknown[]) => new ProxyError(404, `${model} on ${endpoint}: ${candidates.length} left out`),
  });

  it('keeps only candidates serving the endpoint, in plan order', () => {
    expect(route(planRoute(config, ask('fast'), healthy, seededRandom(1), onlyCloud()))).toEqual(['cloud/gpt-4o-mini']);
  });

  it('passes over a rule whose route has no candidate serving the endpoint', () => {
    const plan = planRoute(config, ask('gpt-4o', { tools: [{}] }), healthy, seededRandom(1), { ...onlyCloud(), serves: (c) => c.backend.name === 'ollama-a' });
    expect(plan.rule).toBe('tools');
    expect(route(plan)).toEqual(['ollama-a/qwen2.5:7b']);
    const fallthrough = planRoute(config, ask('gpt-4o', { tools: [{}] }), healthy, seededRandom(1), onlyCloud());
    expect(fallthrough.rule).toBe('tools');
  });

  it("answers a known model served elsewhere with the scope's error, an unknown one with model_not_found", () => {
    const err = (model: string) => {
      try {
        planRoute(config, ask(model), healthy, seededRandom(1), { ...onlyCloud(), serves: () => false });
      } catch (e) {
        return (e as ProxyError).message;
      }
    };
    expect(err('llama3.2:3b')).toBe('llama3.2:3b on embeddings: 2 left out');
    expect(err('nope')).toMatch(/does not exist/);
  });

  it('gives rules the scope’s endpoint and token estimate', () => {
    const rules = [
      { name: 'embed', when: { endpoint: 'embeddings' }, route: 'gpt-4o' },
      { name: 'big', when: { promptTokensAbove: 10 }, route: 'smart' },
    ];
    const scoped = applyDefaults({ ...config, rules } as never);
    expect(planRoute(scoped, ask('fast'), healthy, seededRandom(1), { ...onlyCloud('embeddings'), serves: () => true }).rule).toBe('embed');
    expect(planRoute(scoped, ask('fast'), healthy, seededRandom(1), { ...onlyCloud('completions'), serves: () => true, tokens: () => 50 }).rule).toBe('big');
    expect(planRoute(scoped, ask('fast'), healthy, seededRandom(1)).rule).toBeUndefined();
  });
});
