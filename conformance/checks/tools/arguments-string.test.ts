import { describe, expect, it } from 'vitest';
import { ollamaToolStream, openAiToolStream, streamInput } from '../streaming/stream-fixtures.ts';
import { toolsArgumentsString } from './arguments-string.ts';
import { completion, completionInput, STREAM_REQUEST, toolStream, weatherCall } from './tool-fixtures.ts';

describe('tools.arguments-string', () => {
  it('passes string arguments, streamed or not', () => {
    expect(toolsArgumentsString.run(completionInput(completion([weatherCall()]))).status).toBe('pass');
    expect(toolsArgumentsString.run(streamInput(openAiToolStream(), STREAM_REQUEST)).status).toBe('pass');
    expect(toolsArgumentsString.run(streamInput(ollamaToolStream(), STREAM_REQUEST)).status).toBe('pass');
  });
  it('fails object arguments in a non-stream reply (F28)', () => {
    const v = toolsArgumentsString.run(completionInput(completion([weatherCall({ city: 'Paris' })])));
    expect(v).toMatchObject({ status: 'fail', pointer: '/choices/0/message/tool_calls/0/function/arguments', received: '{"city":"Paris"}' });
  });
  it('fails object arguments in a stream (F28)', () => {
    const v = toolsArgumentsString.run(streamInput(toolStream([[{ index: 0, ...weatherCall({ city: 'Paris' }) }]]), STREAM_REQUEST));
    expect(v).toMatchObject({ status: 'fail', pointer: '/events/0/choices/0/delta/tool_calls/0/function/arguments' });
  });
  it('skips a reply without tool calls', () => {
    expect(toolsArgumentsString.run(completionInput(completion([], 'stop'))).status).toBe('skip');
  });
});
