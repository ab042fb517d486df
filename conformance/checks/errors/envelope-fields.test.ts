import { describe, expect, it } from 'vitest';
import { inputOf, jsonExchange } from '../test-exchange.ts';
import { errorsEnvelopeFields } from './envelope-fields.ts';
import { lmStudioError, llamaCppError, openaiError } from './test-errors.ts';

const run = (body: unknown, status = 400) => errorsEnvelopeFields.run(inputOf(jsonExchange(body, { status })));

describe('errors.envelope-fields', () => {
  it('passes on the OpenAI error', () => {
    expect(run(openaiError).status).toBe('pass');
  });
  it('fails on llama.cpp’s integer code and missing param (F18)', () => {
    const v = run(llamaCppError, 500);
    expect(v.status).toBe('fail');
    expect(['/error/param', '/error/code']).toContain(v.pointer);
  });
  it('fails on an integer code alone', () => {
    const body = { error: { ...openaiError.error, code: 400 } };
    expect(run(body)).toMatchObject({ status: 'fail', pointer: '/error/code', received: '400' });
  });
  it('skips when there is no error object (errors.envelope reports it)', () => {
    expect(run(lmStudioError).status).toBe('skip');
  });
});
