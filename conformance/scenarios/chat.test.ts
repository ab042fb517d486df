import { describe, expect, it } from 'vitest';
import { validate } from '../schemas/validate.ts';
import { chatScenarios } from './chat.ts';

const bodies = Object.fromEntries(chatScenarios.map((s) => [s.id, s.build({ model: 'm' }).body as Record<string, any>]));

describe('chat scenarios', () => {
  it('keep the catalogue ids', () => {
    expect(Object.keys(bodies)).toEqual([
      'chat.basic',
      'chat.max-tokens',
      'chat.max-completion-tokens',
      'chat.stop',
      'chat.n',
      'chat.stream-options-nonstream',
    ]);
  });
  it.each(chatScenarios.map((s) => [s.id]))('%s sends a spec-valid, cheap, deterministic request', (id) => {
    const body = bodies[id];
    expect(validate('chat-completion-request', body)).toEqual({ ok: true });
    expect(body.temperature).toBe(0);
    expect(body.stream).not.toBe(true);
  });
  it('limit tokens with exactly the parameter each judges', () => {
    expect(bodies['chat.max-tokens'].max_tokens).toBe(5);
    expect(bodies['chat.max-completion-tokens']).toMatchObject({ max_completion_tokens: 5 });
    expect(bodies['chat.max-completion-tokens'].max_tokens).toBeUndefined();
  });
  it('send stop, n and stream_options as the catalogue says', () => {
    expect(bodies['chat.stop'].stop).toEqual(['7']);
    expect(bodies['chat.n'].n).toBe(2);
    expect(bodies['chat.stream-options-nonstream']).toMatchObject({ stream: false, stream_options: { include_usage: true } });
  });
  it('mark behaviour scenarios and their feature parameters', () => {
    const byId = Object.fromEntries(chatScenarios.map((s) => [s.id, s]));
    expect(byId['chat.max-tokens'].behaviourChecks.map((c) => c.id)).toEqual(['chat.max-tokens-honoured']);
    expect(byId['chat.stop'].featureParams).toEqual(['stop']);
    expect(byId['chat.stream-options-nonstream'].featureParams).toBeUndefined();
    for (const s of chatScenarios) expect(s.kind === 'behaviour').toBe(s.behaviourChecks.length > 0);
  });
});
