import { describe, expect, it } from 'vitest';
import { openAiToolStream, streamInput } from '../streaming/stream-fixtures.ts';
import { toolsFinishReason } from './finish-reason.ts';
import { completion, completionInput, NAMED_REQUEST, REQUIRED_REQUEST, STREAM_REQUEST, weatherCall } from './tool-fixtures.ts';

const run = (finish: string, request: unknown = REQUIRED_REQUEST, usage?: object) =>
  toolsFinishReason.run(completionInput(completion([weatherCall()], finish, usage as never), request));

describe('tools.finish-reason', () => {
  it('passes tool_calls for required', () => {
    expect(run('tool_calls').status).toBe('pass');
  });
  it('fails stop for required (F05)', () => {
    expect(run('stop')).toMatchObject({ status: 'fail', pointer: '/choices/0/finish_reason', received: '"stop"' });
  });
  it('accepts both stop and tool_calls for a named tool_choice (F07)', () => {
    expect(run('stop', NAMED_REQUEST).status).toBe('pass');
    expect(run('tool_calls', NAMED_REQUEST).status).toBe('pass');
  });
  it('expects length once the token limit was reached (F06)', () => {
    const spent = { prompt_tokens: 50, completion_tokens: 64, total_tokens: 114 };
    expect(run('tool_calls', REQUIRED_REQUEST, spent)).toMatchObject({ status: 'fail', expected: expect.stringContaining('length') });
    expect(run('length', REQUIRED_REQUEST, spent).status).toBe('pass');
  });
  it('skips replies without calls and streams', () => {
    expect(toolsFinishReason.run(completionInput(completion([], 'stop'))).status).toBe('skip');
    expect(toolsFinishReason.run(streamInput(openAiToolStream(), STREAM_REQUEST)).status).toBe('skip');
  });
});
