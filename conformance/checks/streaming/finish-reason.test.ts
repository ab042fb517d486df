import { describe, expect, it } from 'vitest';
import { chunk, ollamaTextStream, openAiTextStream, streamInput } from './stream-fixtures.ts';
import { streamingFinishReason } from './finish-reason.ts';

const run = (events: unknown[]) => streamingFinishReason.run(streamInput(events));
const start = chunk({ role: 'assistant', content: 'Red' });

describe('streaming.finish-reason', () => {
  it('passes a separate finish chunk, and a finish on the last content chunk', () => {
    expect(run(openAiTextStream()).status).toBe('pass');
    expect(run(ollamaTextStream()).status).toBe('pass');
    expect(run([start, chunk({ content: ', blue' }, 'stop'), '[DONE]']).status).toBe('pass');
  });
  it('fails a stream that never finishes (F13: error swallowed, empty chunk, clean end)', () => {
    const v = run([start, chunk({ content: '' }), '[DONE]']);
    expect(v).toMatchObject({ status: 'fail', pointer: '/events/1/choices/0/finish_reason' });
  });
  it('fails two different finish reasons for one choice', () => {
    expect(run([start, chunk({}, 'stop'), chunk({}, 'length'), '[DONE]'])).toMatchObject({ status: 'fail', pointer: '/events/2/choices/0/finish_reason' });
  });
  it('passes the same finish reason repeated on the usage chunk, as OpenRouter sends it (openrouter:pydantic-ai:test_openrouter_advisor_tool_stream#0)', () => {
    const usage = { usage: { prompt_tokens: 888, completion_tokens: 74, total_tokens: 962 } };
    expect(run([start, chunk({ content: '', role: 'assistant' }, 'stop'), chunk({ content: '', role: 'assistant' }, 'stop', usage), '[DONE]']).status).toBe('pass');
  });
  it('fails a finish_reason outside the enum (F08)', () => {
    expect(run([start, chunk({}, 'eos'), '[DONE]'])).toMatchObject({ status: 'fail', received: '"eos"' });
  });
  it('passes content after the finish_reason: clients keep reading the choice', () => {
    expect(run([start, chunk({}, 'stop'), chunk({ content: 'more' }), '[DONE]']).status).toBe('pass');
  });
  it('fails a stream without any choice', () => {
    expect(run(['[DONE]']).status).toBe('fail');
  });
  it('leaves a stream that reported an error to streaming.error-event', () => {
    expect(run([start, { error: { message: 'overloaded', type: 'server_error', param: null, code: null } }]).status).toBe('skip');
  });
});
