import { describe, expect, it } from 'vitest';
import { chunk, openAiToolStream, streamInput } from '../streaming/stream-fixtures.ts';
import { toolsChoiceHonoured } from './choice-honoured.ts';
import { GROQ_REQUIRED_ERROR_STREAM, recordedInput } from '../real-traffic.fixtures.ts';
import { completion, completionInput, NAMED_REQUEST, NONE_REQUEST, REQUIRED_REQUEST, STREAM_REQUEST, weatherCall } from './tool-fixtures.ts';

const run = (calls: unknown[], request: unknown) => toolsChoiceHonoured.run(completionInput(completion(calls), request));

describe('tools.choice-honoured', () => {
  it('named: passes a call to exactly that function, fails plain text or another function (F23)', () => {
    expect(run([weatherCall()], NAMED_REQUEST).status).toBe('pass');
    expect(run([], NAMED_REQUEST)).toMatchObject({ status: 'fail', received: 'no tool calls' });
    expect(run([weatherCall('{}', 'get_time')], NAMED_REQUEST)).toMatchObject({ status: 'fail', pointer: '/choices/0/message/tool_calls/0' });
  });
  it('required: passes calls, fails a plain answer (F23)', () => {
    expect(run([weatherCall()], REQUIRED_REQUEST).status).toBe('pass');
    expect(run([], REQUIRED_REQUEST).status).toBe('fail');
  });
  it('none: passes a plain answer, fails a call (F23)', () => {
    expect(run([], NONE_REQUEST).status).toBe('pass');
    expect(run([weatherCall()], NONE_REQUEST)).toMatchObject({ status: 'fail', pointer: '/choices/0/message/tool_calls/0' });
  });
  it('judges streams through the accumulated calls', () => {
    expect(toolsChoiceHonoured.run(streamInput(openAiToolStream(), STREAM_REQUEST)).status).toBe('pass');
    const text = [chunk({ role: 'assistant', content: 'Sunny' }), chunk({}, 'stop'), '[DONE]'];
    expect(toolsChoiceHonoured.run(streamInput(text, STREAM_REQUEST)).status).toBe('fail');
  });
  it('passes a stream the server ended with a tool_use_failed error for required (groq:pydantic-ai:test_tool_use_failed_error_streaming_with_text#0)', () => {
    const v = toolsChoiceHonoured.run(recordedInput(GROQ_REQUIRED_ERROR_STREAM));
    expect(v.status).toBe('pass');
    expect(v.message).toContain('enforced tool_choice');
    expect(v.message).toContain('Tool choice is required');
  });
  it('skips a stream that ended in an unrelated error before any call', () => {
    const events = [chunk({ role: 'assistant', content: '' }), { error: { message: 'upstream timeout', type: 'server_error', param: null, code: null } }];
    expect(toolsChoiceHonoured.run(streamInput(events, STREAM_REQUEST)).status).toBe('skip');
  });
  it('skips auto and a request without tool_choice', () => {
    expect(run([], { ...NAMED_REQUEST, tool_choice: 'auto' }).status).toBe('skip');
    const { tool_choice: _dropped, ...noChoice } = NAMED_REQUEST;
    expect(run([], noChoice).status).toBe('skip');
  });
});
