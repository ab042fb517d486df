// What a target makes of a scenario before sending it: its model, or why it is skipped.
import { describe, expect, it } from 'vitest';
import type { Scenario, Target } from '../types.ts';
import { isLoopback, planScenario } from './scenario-target.ts';

const target: Target = { name: 't', kind: 'url', baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.2', headers: {} };
const scenario = (extra: Partial<Scenario> = {}): Scenario => ({
  id: 'x.y', capability: 'embeddings', title: 't', kind: 'protocol', build: () => ({ method: 'GET', path: '/x' }), protocolChecks: [], behaviourChecks: [], ...extra,
});

describe('planScenario', () => {
  it('sends the chat model, or the model the scenario\'s role needs', () => {
    expect(planScenario(scenario(), target)).toEqual({ model: 'llama3.2' });
    expect(planScenario(scenario({ modelRole: 'embedding' }), { ...target, embeddingModel: 'nomic-embed-text' })).toEqual({ model: 'nomic-embed-text' });
    expect(planScenario(scenario({ modelRole: 'vision' }), { ...target, visionModel: 'llava' })).toEqual({ model: 'llava' });
  });

  it('skips a role model that is not configured, saying which flag and key name it', () => {
    expect(planScenario(scenario({ modelRole: 'embedding' }), target)).toEqual({
      skip: 'no embedding model configured: name an embedding model with --embedding-model ID (config key embeddingModel) to run this scenario',
    });
    expect(planScenario(scenario({ modelRole: 'vision' }), target)).toMatchObject({ skip: expect.stringContaining('--vision-model') });
  });

  it('skips a capability the target does not claim', () => {
    expect(planScenario(scenario(), { ...target, capabilities: ['chat', 'models'] })).toEqual({
      skip: "not claimed: the target's capabilities (chat, models) do not include embeddings",
    });
  });

  it('sends a loopback URL only to a target on this machine', () => {
    const fetches = scenario({ fetchesLoopback: true });
    expect(planScenario(fetches, target)).toEqual({ model: 'llama3.2' });
    expect(planScenario(fetches, { ...target, baseUrl: 'https://api.openai.com/v1' })).toMatchObject({ skip: expect.stringContaining('api.openai.com cannot fetch') });
  });
});

describe('isLoopback', () => {
  it('knows 127/8, ::1 and localhost', () => {
    for (const url of ['http://127.0.0.1:1/v1', 'http://127.1.2.3/v1', 'http://localhost:11434/v1', 'http://[::1]:8080/v1', 'http://api.localhost/v1']) expect(isLoopback(url), url).toBe(true);
    for (const url of ['http://10.0.0.5:8000/v1', 'https://api.openai.com/v1', 'http://128.0.0.1/v1', 'not a url']) expect(isLoopback(url), url).toBe(false);
  });
});
