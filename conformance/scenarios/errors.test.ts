import { describe, expect, it } from 'vitest';
import { validate } from '../schemas/validate.ts';
import { errorsScenarios, UNKNOWN_MODEL } from './errors.ts';

const byId = Object.fromEntries(errorsScenarios.map((s) => [s.id, s.build({ model: 'm' })]));

describe('errors scenarios', () => {
  it('keep the catalogue ids and have no feature parameters (the error is what is judged)', () => {
    expect(Object.keys(byId)).toEqual(['errors.bad-json', 'errors.invalid-param', 'errors.unknown-model', 'errors.stream-invalid']);
    for (const s of errorsScenarios) expect(s.featureParams ?? []).toEqual([]);
  });
  it('send a body that does not parse for bad-json', () => {
    const raw = byId['errors.bad-json'].rawBody!;
    expect(raw.startsWith('{"model":"m"')).toBe(true);
    expect(() => JSON.parse(raw)).toThrow();
  });
  it('send requests invalid only in the intended way', () => {
    expect(validate('chat-completion-request', byId['errors.invalid-param'].body)).toMatchObject({ ok: false, errors: [{ pointer: '/messages' }] });
    expect(validate('chat-completion-request', byId['errors.unknown-model'].body)).toEqual({ ok: true });
    expect(byId['errors.unknown-model'].body).toMatchObject({ model: UNKNOWN_MODEL });
    expect(byId['errors.stream-invalid']).toMatchObject({ stream: true, body: { stream: true, messages: [] } });
  });
  it('judge unknown-model-404 only on the unknown-model scenario', () => {
    for (const s of errorsScenarios) {
      expect(s.protocolChecks.some((c) => c.id === 'errors.unknown-model-404')).toBe(s.id === 'errors.unknown-model');
    }
  });
});
