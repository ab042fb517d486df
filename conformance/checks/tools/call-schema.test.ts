import { describe, expect, it } from 'vitest';
import { openAiToolStream, streamInput } from '../streaming/stream-fixtures.ts';
import { toolsCallSchema } from './call-schema.ts';
import { completion, completionInput, STREAM_REQUEST, weatherCall } from './tool-fixtures.ts';

const run = (calls: unknown[]) => toolsCallSchema.run(completionInput(completion(calls)));

describe('tools.call-schema', () => {
  it('passes a spec tool call', () => {
    expect(run([weatherCall()]).status).toBe('pass');
  });
  it('fails a call without id', () => {
    const { id: _dropped, ...noId } = weatherCall();
    const v = run([noId]);
    expect(v).toMatchObject({ status: 'fail', pointer: '/choices/0/message/tool_calls/0' });
    expect(v.received).toContain('id');
  });
  it('fails a call whose type is not "function"', () => {
    expect(run([{ ...weatherCall(), type: null }])).toMatchObject({ status: 'fail', pointer: '/choices/0/message/tool_calls/0/type' });
  });
  it('lists every error of every invalid call in the details (Mistral leaves out type: C06)', () => {
    const { type: _dropped, ...noType } = weatherCall();
    const v = run([noType, { ...weatherCall(), function: { name: 'get_time' } }]);
    expect(v.message).toBe('2 of 2 tool call(s) do not match the tool-call schema');
    expect(v.details).toEqual([
      '/choices/0/message/tool_calls/0: missing required property "type"',
      '/choices/0/message/tool_calls/1/function: missing required property "arguments"',
    ]);
  });
  it('skips replies without calls, error statuses and streams', () => {
    expect(run([]).status).toBe('skip');
    expect(toolsCallSchema.run(completionInput({ error: { message: 'x' } }, undefined, 400)).status).toBe('skip');
    expect(toolsCallSchema.run(streamInput(openAiToolStream(), STREAM_REQUEST)).status).toBe('skip');
  });
});
