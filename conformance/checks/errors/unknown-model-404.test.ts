import { describe, expect, it } from 'vitest';
import { inputOf, jsonExchange } from '../test-exchange.ts';
import { ollamaNotFound, openaiError } from './test-errors.ts';
import { errorsUnknownModel404 } from './unknown-model-404.ts';

describe('errors.unknown-model-404', () => {
  it('passes on 404', () => {
    expect(errorsUnknownModel404.run(inputOf(jsonExchange(ollamaNotFound, { status: 404 }))).status).toBe('pass');
  });
  it('fails on 400 and on a 200 from a single-model server', () => {
    expect(errorsUnknownModel404.run(inputOf(jsonExchange(openaiError, { status: 400 })))).toMatchObject({ status: 'fail', expected: 'HTTP 404 (code model_not_found)' });
    expect(errorsUnknownModel404.run(inputOf(jsonExchange({ choices: [] }))).status).toBe('fail');
  });
});
