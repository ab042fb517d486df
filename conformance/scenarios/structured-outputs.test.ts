import { describe, expect, it } from 'vitest';
import { validate } from '../schemas/validate.ts';
import { structuredOutputsScenarios } from './structured-outputs.ts';

describe('structured_outputs scenarios', () => {
  it('keep the catalogue ids', () => {
    expect(structuredOutputsScenarios.map((s) => s.id)).toEqual(['structured_outputs.schema', 'structured_outputs.stream']);
  });
  it('send a strict schema with string, integer and enum properties, streamed once', () => {
    const [plain, streamed] = structuredOutputsScenarios.map((s) => s.build({ model: 'm' }));
    for (const req of [plain, streamed]) expect(validate('chat-completion-request', req.body)).toEqual({ ok: true });
    const format = (plain.body as any).response_format;
    expect(format).toMatchObject({ type: 'json_schema', json_schema: { strict: true, schema: { additionalProperties: false } } });
    const types = Object.values(format.json_schema.schema.properties).map((p: any) => (p.enum ? 'enum' : p.type));
    expect(types.sort()).toEqual(['enum', 'integer', 'string']);
    expect(plain.stream).toBeUndefined();
    expect(streamed).toMatchObject({ stream: true, body: { stream: true } });
  });
});
