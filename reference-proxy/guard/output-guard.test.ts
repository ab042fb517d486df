import { describe, expect, it } from 'vitest';
import { guardOutput } from './output-guard.ts';

const jsonObject = { response_format: { type: 'json_object' } };
const schema = {
  type: 'object',
  properties: { city: { type: 'string' }, temp: { type: 'number' }, at: { type: 'string', format: 'date-time' } },
  required: ['city', 'temp'],
  additionalProperties: false,
};
const jsonSchema = { response_format: { type: 'json_schema', json_schema: { name: 'weather', strict: true, schema } } };

describe('guardOutput', () => {
  it('lets anything through when no structured output was asked for', () => {
    expect(guardOutput({}, 'plain text')).toEqual({ ok: true });
    expect(guardOutput({ response_format: { type: 'text' } }, '{')).toEqual({ ok: true });
  });

  it('accepts a JSON object for json_object', () => {
    expect(guardOutput(jsonObject, '{"a": [1, 2]}')).toEqual({ ok: true });
  });

  it('rejects output that is not JSON, or JSON that is not an object, for json_object', () => {
    const notJson = guardOutput(jsonObject, 'Sure! Here is your JSON: {"a":1}');
    expect(notJson.ok).toBe(false);
    if (!notJson.ok) expect(notJson.reason).toMatch(/^the output is not valid JSON/);
    expect(guardOutput(jsonObject, '[1,2]')).toEqual({ ok: false, reason: 'the output is JSON but not an object' });
    expect(guardOutput(jsonObject, '')).toMatchObject({ ok: false });
  });

  it('accepts output that matches the json_schema', () => {
    expect(guardOutput(jsonSchema, '{"city":"Paris","temp":21.5,"at":"2026-08-21T10:00:00Z"}')).toEqual({ ok: true });
  });

  it('rejects output that breaks the json_schema and says where', () => {
    expect(guardOutput(jsonSchema, '{"city":"Paris","temp":"warm"}')).toEqual({
      ok: false,
      reason: 'the output does not match the requested schema at /temp: must be number',
    });
    expect(guardOutput(jsonSchema, '{"city":"Paris"}')).toMatchObject({ ok: false });
    expect(guardOutput(jsonSchema, '{"city":"Paris","temp":1,"at":"yesterday"}')).toMatchObject({ ok: false });
    expect(guardOutput(jsonSchema, '{"city":"Paris","temp":1,"extra":true}')).toMatchObject({ ok: false });
  });

  it('validates again with the cached schema and does not mix schemas up', () => {
    const other = { response_format: { type: 'json_schema', json_schema: { name: 'n', schema: { type: 'object', required: ['n'] } } } };
    expect(guardOutput(other, '{"n":1}')).toEqual({ ok: true });
    expect(guardOutput(jsonSchema, '{"n":1}')).toMatchObject({ ok: false });
    expect(guardOutput(other, '{"city":"x","temp":1}')).toMatchObject({ ok: false });
  });

  it('only checks that the output parses when no schema or an uncompilable one was given', () => {
    const noSchema = { response_format: { type: 'json_schema', json_schema: { name: 'x' } } };
    expect(guardOutput(noSchema, '{"any":1}')).toEqual({ ok: true });
    expect(guardOutput(noSchema, 'nope')).toMatchObject({ ok: false });
    const broken = { response_format: { type: 'json_schema', json_schema: { name: 'x', schema: { type: 'object', properties: { a: { $ref: '#/nowhere' } } } } } };
    expect(guardOutput(broken, '{"a":1}')).toEqual({ ok: true });
  });

  it('has nothing to check when the model answered with tool calls (content null)', () => {
    expect(guardOutput(jsonSchema, null)).toEqual({ ok: true });
  });
});
