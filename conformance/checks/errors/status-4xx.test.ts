import { describe, expect, it } from 'vitest';
import { inputOf, jsonExchange, sseExchange } from '../test-exchange.ts';
import { errorsStatus4xx } from './status-4xx.ts';
import { llamaCppError, openaiError } from './test-errors.ts';

describe('errors.status-4xx', () => {
  it('passes on 400 and 404', () => {
    expect(errorsStatus4xx.run(inputOf(jsonExchange(openaiError, { status: 400 }))).status).toBe('pass');
    expect(errorsStatus4xx.run(inputOf(jsonExchange(openaiError, { status: 404 }))).status).toBe('pass');
  });
  it('fails on 500 for a client mistake (F20)', () => {
    const v = errorsStatus4xx.run(inputOf(jsonExchange(llamaCppError, { status: 500 })));
    expect(v.status).toBe('fail');
    expect(v.message).toContain('retry');
  });
  it('fails on 200 + SSE for an invalid stream request (F15)', () => {
    const v = errorsStatus4xx.run(inputOf(sseExchange([{ error: { message: 'bad' } }])));
    expect(v.status).toBe('fail');
    expect(v.message).toContain('200 + SSE');
  });
  it('fails when an invalid request is answered 200 JSON', () => {
    expect(errorsStatus4xx.run(inputOf(jsonExchange({ choices: [] }))).status).toBe('fail');
  });
  it('leaves an unknown model that was served to errors.unknown-model-404, but fails a 5xx for it', () => {
    const served = inputOf(jsonExchange({ choices: [] }), undefined, 'errors.unknown-model');
    expect(errorsStatus4xx.run(served).status).toBe('skip');
    const crashed = inputOf(jsonExchange(llamaCppError, { status: 500 }), undefined, 'errors.unknown-model');
    expect(errorsStatus4xx.run(crashed).status).toBe('fail');
  });
});
