import { describe, expect, it } from 'vitest';
import { chunk, openAiTextStream, streamInput } from './stream-fixtures.ts';
import { streamingErrorEvent } from './error-event.ts';

const start = chunk({ role: 'assistant', content: 'Hi' });
const run = (error: unknown) => streamingErrorEvent.run(streamInput([start, error, '[DONE]']));

describe('streaming.error-event', () => {
  it('skips a stream without error events', () => {
    expect(streamingErrorEvent.run(streamInput(openAiTextStream())).status).toBe('skip');
  });
  it('passes an error in the OpenAI envelope', () => {
    expect(run({ error: { message: 'overloaded', type: 'server_error', param: null, code: null } }).status).toBe('pass');
  });
  it('fails a flat error body (F16, vLLM <0.10.1)', () => {
    const v = run({ object: 'error', message: 'boom', type: 'BadRequestError', param: null, code: 400 });
    expect(v).toMatchObject({ status: 'fail', pointer: '/events/1' });
  });
  it('fails an error given as a string (F17)', () => {
    expect(run({ error: 'model crashed' })).toMatchObject({ status: 'fail', pointer: '/events/1/error' });
  });
  it('fails an error object without a type', () => {
    expect(run({ error: { message: 'boom', code: 500 } })).toMatchObject({ status: 'fail', pointer: '/events/1/error/type' });
  });
});
