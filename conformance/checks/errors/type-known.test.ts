import { describe, expect, it } from 'vitest';
import { inputOf, jsonExchange } from '../test-exchange.ts';
import { lmStudioError, ollamaNotFound, openaiError, vllmFlatError } from './test-errors.ts';
import { errorsTypeKnown } from './type-known.ts';

const run = (body: unknown, status = 400) => errorsTypeKnown.run(inputOf(jsonExchange(body, { status })));

describe('errors.type-known', () => {
  it('passes on invalid_request_error', () => {
    expect(run(openaiError).status).toBe('pass');
  });
  it.each(['not_found_error', 'api_error', 'BadRequestError', 'exceed_context_size_error'])('fails on %s (F19)', (type) => {
    expect(run({ error: { ...ollamaNotFound.error, type } })).toMatchObject({ status: 'fail', pointer: '/error/type', received: JSON.stringify(type) });
  });
  it('skips when there is no error.type to read', () => {
    expect(run(lmStudioError).status).toBe('skip');
    expect(run(vllmFlatError).status).toBe('skip');
  });
});
