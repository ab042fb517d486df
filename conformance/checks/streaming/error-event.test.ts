import { describe, expect, it } from 'vitest';
import { chunk, openAiTextStream, streamInput } from './stream-fixtures.ts';
import { streamingErrorEvent } from './error-event.ts';
import { GROQ_REQUIRED_ERROR_STREAM, OPENROUTER_ERROR_STREAM, recordedInput } from '../real-traffic.fixtures.ts';

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
  it('fails an error object without a message', () => {
    expect(run({ error: { type: 'server_error', code: 500 } })).toMatchObject({ status: 'fail', pointer: '/events/1/error/message' });
  });
  it("passes OpenRouter's error event without a type: clients raise with its message (openrouter:pydantic-ai:test_openrouter_stream_error#0)", () => {
    const v = streamingErrorEvent.run(recordedInput(OPENROUTER_ERROR_STREAM));
    expect(v).toMatchObject({ status: 'pass', message: '1 error event(s), each in the OpenAI envelope' });
  });
  it("passes Groq's `event: error` (groq:pydantic-ai:test_tool_use_failed_error_streaming_with_text#0)", () => {
    expect(streamingErrorEvent.run(recordedInput(GROQ_REQUIRED_ERROR_STREAM)).status).toBe('pass');
  });
});
