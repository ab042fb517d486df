import { describe, expect, it } from 'vitest';
import { completion } from '../chat/test-completion.ts';
import { inputOf, jsonExchange, sseExchange } from '../test-exchange.ts';
import { structuredOutputsSchemaValid } from './schema-valid.ts';
import { contentStream, streamedRequest, structuredRequest } from './test-request.ts';

const run = (content: string) => structuredOutputsSchemaValid.run(inputOf(jsonExchange(completion({ content })), structuredRequest));

describe('structured_outputs.schema-valid', () => {
  it('passes on content matching the requested schema', () => {
    expect(run('{"name":"Ann","age":3,"mood":"happy"}').status).toBe('pass');
  });
  it('fails on a wrong type, an unknown enum value, a missing or an extra property (F26)', () => {
    expect(run('{"name":"Ann","age":"3","mood":"happy"}').message).toContain('/age must be integer');
    expect(run('{"name":"Ann","age":3,"mood":"angry"}').message).toContain('/mood');
    expect(run('{"name":"Ann","age":3}').message).toContain("must have required property 'mood'");
    expect(run('{"name":"Ann","age":3,"mood":"sad","x":1}').message).toContain('unexpected property "x"');
  });
  it('fails on content that is not JSON', () => {
    expect(run('Ann, 3, happy')).toMatchObject({ status: 'fail', pointer: '/choices/0/message/content' });
  });
  it('judges the concatenated stream', () => {
    const ok = sseExchange(contentStream(['{"name":"Ann",', '"age":3,"mood":"sad"}']));
    const bad = sseExchange(contentStream(['{"name":"Ann",', '"age":3.5,"mood":"sad"}']));
    expect(structuredOutputsSchemaValid.run(inputOf(ok, streamedRequest)).status).toBe('pass');
    expect(structuredOutputsSchemaValid.run(inputOf(bad, streamedRequest)).status).toBe('fail');
  });
  it('skips without a requested schema', () => {
    const ex = jsonExchange(completion({ content: '{}' }));
    expect(structuredOutputsSchemaValid.run(inputOf(ex, { model: 'm' })).status).toBe('skip');
  });
});
