import { describe, expect, it } from 'vitest';
import { inputOf, jsonExchange } from '../test-exchange.ts';
import { errorsEnvelope } from './envelope.ts';
import { lmStudioError, ollamaNotFound, openaiError, vllmFlatError } from './test-errors.ts';

const run = (body: unknown, status = 400) => errorsEnvelope.run(inputOf(jsonExchange(body, { status })));

describe('errors.envelope', () => {
  it('passes on the OpenAI envelope and on Ollama’s', () => {
    expect(run(openaiError).status).toBe('pass');
    expect(run(ollamaNotFound, 404).status).toBe('pass');
  });
  it('fails on a flat error (F16)', () => {
    const v = run(vllmFlatError);
    expect(v).toMatchObject({ status: 'fail', pointer: '/error' });
    expect(v.message).toContain('flat');
  });
  it('fails on a string error (F17)', () => {
    expect(run(lmStudioError)).toMatchObject({ status: 'fail', pointer: '/error' });
  });
  it('fails on a missing message and on a non-JSON body', () => {
    expect(run({ error: { type: 'x' } })).toMatchObject({ status: 'fail', pointer: '/error/message' });
    expect(run('Internal Server Error', 500).status).toBe('fail');
  });
  it('skips a success answer', () => {
    expect(run({ choices: [] }, 200).status).toBe('skip');
  });
});
