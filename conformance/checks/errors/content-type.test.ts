import { describe, expect, it } from 'vitest';
import { inputOf, jsonExchange } from '../test-exchange.ts';
import { errorsContentType } from './content-type.ts';
import { openaiError } from './test-errors.ts';

describe('errors.content-type', () => {
  it('passes on application/json', () => {
    expect(errorsContentType.run(inputOf(jsonExchange(openaiError, { status: 400 }))).status).toBe('pass');
  });
  it('fails on text/plain', () => {
    const ex = jsonExchange(openaiError, { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    expect(errorsContentType.run(inputOf(ex))).toMatchObject({ status: 'fail', received: 'content-type: text/plain; charset=utf-8' });
  });
  it('skips a success answer', () => {
    expect(errorsContentType.run(inputOf(jsonExchange({}))).status).toBe('skip');
  });
});
