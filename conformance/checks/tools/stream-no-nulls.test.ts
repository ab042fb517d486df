import { describe, expect, it } from 'vitest';
import { chunk, openAiTextStream, openAiToolStream, streamInput } from '../streaming/stream-fixtures.ts';
import { toolsStreamNoNulls } from './stream-no-nulls.ts';
import { STREAM_REQUEST, toolStream } from './tool-fixtures.ts';

const run = (events: unknown[]) => toolsStreamNoNulls.run(streamInput(events, STREAM_REQUEST));

describe('tools.stream-no-nulls', () => {
  it('passes absent keys', () => {
    expect(run(openAiToolStream()).status).toBe('pass');
  });
  it('fails tool_calls: null even in a stream without calls (F32, Together)', () => {
    const events = [chunk({ role: 'assistant', content: 'Hi', tool_calls: null }), chunk({}, 'stop'), '[DONE]'];
    expect(run(events)).toMatchObject({ status: 'fail', pointer: '/events/0/choices/0/delta/tool_calls' });
    expect(run(openAiTextStream()).status).toBe('skip');
  });
  it('fails type: null (F32, Azure)', () => {
    const v = run(toolStream([[{ index: 0, id: 'call_1', type: null, function: { name: 'get_time', arguments: '{}' } }]]));
    expect(v).toMatchObject({ status: 'fail', pointer: '/events/0/choices/0/delta/tool_calls/0/type' });
  });
  it('leaves a name that arrives after the arguments to tools.stream-id-once', () => {
    const v = run(toolStream([[{ index: 0, id: 'call_1', type: 'function', function: { arguments: '{"timezone":"UTC"}' } }], [{ index: 0, function: { name: 'get_time' } }]]));
    expect(v.status).toBe('pass');
  });
});
