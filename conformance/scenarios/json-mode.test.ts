import { describe, expect, it } from 'vitest';
import { validate } from '../schemas/validate.ts';
import { jsonModeScenarios } from './json-mode.ts';

describe('json_mode scenarios', () => {
  it('json_mode.object asks for JSON in the system message', () => {
    expect(jsonModeScenarios.map((s) => s.id)).toEqual(['json_mode.object']);
    const body = jsonModeScenarios[0].build({ model: 'm' }).body as any;
    expect(validate('chat-completion-request', body)).toEqual({ ok: true });
    expect(body.response_format).toEqual({ type: 'json_object' });
    expect(body.messages[0]).toMatchObject({ role: 'system' });
    expect(body.messages[0].content).toContain('JSON');
    expect(jsonModeScenarios[0].featureParams).toEqual(['response_format']);
  });
});
