// The example configs load and route as their comments promise: easy requests stay local,
// long prompts, structured output and tools escalate to the cloud.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load.ts';
import { HealthTracker } from '../health/tracker.ts';
import { seededRandom } from '../routing/order-candidates.ts';
import { isEmbeddingModel, mayEmbed } from '../routing/model-kinds.ts';
import { planRoute, type RouteScope } from '../routing/plan.ts';
import { ProxyError } from '../errors.ts';
import type { Candidate } from '../types.ts';

const env = { OPENAI_API_KEY: 'sk-test', DROPIN_KEY_APP: 'app', DROPIN_KEY_BATCH: 'batch' };
const proxy = loadConfig(new URL('./proxy.yaml', import.meta.url).pathname, env);
const emulator = loadConfig(new URL('./emulator.yaml', import.meta.url).pathname, {});

function plan(config = proxy, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const health = new HealthTracker(config.health, () => 0);
  const p = planRoute(config, { body: { messages: [{ role: 'user', content: 'hi' }], ...body }, headers }, health, seededRandom(1));
  return { rule: p.rule, first: `${p.candidates[0].backend.name}/${p.candidates[0].model}`, local: p.candidates[0].backend.local };
}

describe('examples/proxy.yaml', () => {
  it('serves short requests for an alias locally', () => {
    expect(plan(proxy, { model: 'fast' })).toEqual({ rule: undefined, first: 'ollama-b/llama3.2:3b', local: true });
    expect(plan(proxy, { model: 'smart' }).local).toBe(true);
  });

  it('escalates long prompts, json_schema and tools to the cloud', () => {
    expect(plan(proxy, { model: 'fast', messages: [{ role: 'user', content: 'x'.repeat(30_000) }] })).toMatchObject({ rule: 'long-prompts-to-cloud', first: 'openai/gpt-4o', local: false });
    expect(plan(proxy, { model: 'smart', response_format: { type: 'json_schema', json_schema: { name: 'x' } } })).toMatchObject({ rule: 'structured-output-to-cloud', local: false });
    expect(plan(proxy, { model: 'fast', tools: [{ type: 'function', function: { name: 'f' } }] })).toMatchObject({ rule: 'tools-to-cloud', local: false });
  });

  it('routes by system prompt keyword and by header', () => {
    expect(plan(proxy, { model: 'fast', messages: [{ role: 'system', content: 'Check the Contract' }] }).rule).toBe('legal-review');
    expect(plan(proxy, { model: 'fast' }, { 'x-dropin-tier': 'premium' }).rule).toBe('premium-header');
  });

  it('balances a plain local model across both Ollama instances', () => {
    const firsts = new Set(Array.from({ length: 50 }, (_, i) => {
      const health = new HealthTracker(proxy.health, () => 0);
      return planRoute(proxy, { body: { model: 'qwen2.5:7b', messages: [] }, headers: {} }, health, seededRandom(i)).candidates[0].backend.name;
    }));
    expect([...firsts].sort()).toEqual(['ollama-a', 'ollama-b']);
  });

  it('sends embeddings to the embedding model on either Ollama, and chat never to it', () => {
    const health = new HealthTracker(proxy.health, () => 0);
    const embeddings: RouteScope = { endpoint: 'embeddings', serves: mayEmbed, tokens: () => 1, unserved: () => new ProxyError(404, 'not served') };
    const plan = planRoute(proxy, { body: { model: 'nomic-embed-text', input: 'hi' }, headers: {} }, health, seededRandom(1), embeddings);
    expect(plan.candidates.map((c) => c.backend.name).sort()).toEqual(['ollama-a', 'ollama-b']);
    expect(() => planRoute(proxy, { body: { model: 'qwen2.5:7b', input: 'hi' }, headers: {} }, health, seededRandom(1), embeddings)).toThrow('not served');
    const chat: RouteScope = { ...embeddings, endpoint: 'chat', serves: (c: Candidate) => !isEmbeddingModel(c) };
    expect(() => planRoute(proxy, { body: { model: 'nomic-embed-text', messages: [] }, headers: {} }, health, seededRandom(1), chat)).toThrow('not served');
  });
});

describe('examples/emulator.yaml', () => {
  it('routes its aliases to the emulator backends', () => {
    expect(plan(emulator, { model: 'fast' }).first).toBe('emu-ollama/dropin-emulator-mini');
    expect(plan(emulator, { model: 'fast', tools: [{ type: 'function', function: { name: 'f' } }] })).toMatchObject({ rule: 'tools-to-large', first: 'emu-openai/dropin-emulator-1' });
  });
});
