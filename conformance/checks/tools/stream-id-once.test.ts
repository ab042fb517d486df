import { describe, expect, it } from 'vitest';
import { ollamaToolStream, openAiToolStream, streamInput } from '../streaming/stream-fixtures.ts';
import { toolsStreamIdOnce } from './stream-id-once.ts';
import { STREAM_REQUEST, toolStream } from './tool-fixtures.ts';
import { QWEN_TOOL_STREAM, recordedInput } from '../real-traffic.fixtures.ts';

const run = (events: unknown[]) => toolsStreamIdOnce.run(streamInput(events, STREAM_REQUEST));

describe('tools.stream-id-once', () => {
  it('passes id/type/name on the first fragment only, and whole calls in one fragment', () => {
    expect(run(openAiToolStream()).status).toBe('pass');
    expect(run(ollamaToolStream()).status).toBe('pass');
  });
  it('fails id and name re-sent on every fragment (F04, Fireworks/DeepSeek)', () => {
    const frag = (text: string) => ({ index: 0, id: 'call_1', type: 'function', function: { name: 'get_time', arguments: text } });
    const v = run(toolStream([[frag('{"timezone"')], [frag(':"UTC"}')]]));
    expect(v).toMatchObject({ status: 'fail', pointer: '/events/1/choices/0/delta/tool_calls/0/id' });
    expect(v.message).toContain('2 such fragments');
    expect(v.message).toContain('concatenates');
  });
  it('fails the F04 pattern of continuation fragments that re-send the call id (litellm#8990: chatcmpl-tool-… ids)', () => {
    const first = { index: 0, id: 'chatcmpl-tool-aa62', type: 'function', function: { name: 'add_two_numbers', arguments: '' } };
    const next = (text: string) => ({ index: 0, id: 'chatcmpl-tool-aa62', type: 'function', function: { arguments: text } });
    const v = run(toolStream([[first], [next('{"a": 1,')], [next(' "b": 2}')]]));
    expect(v).toMatchObject({ status: 'fail', pointer: '/events/1/choices/0/delta/tool_calls/0/id', received: 'event 1: id "chatcmpl-tool-aa62"' });
  });
  it('passes continuation fragments with "id": "" and "type": "function" (alibaba-qwen:ai:alibaba-tool-call)', () => {
    expect(toolsStreamIdOnce.run(recordedInput(QWEN_TOOL_STREAM)).status).toBe('pass');
  });
  it('fails a name that arrives after the arguments started (F32): the AI SDK needs it on the first fragment', () => {
    const v = run(toolStream([[{ index: 0, id: 'call_1', type: 'function', function: { arguments: '{"timezone":"UTC"}' } }], [{ index: 0, function: { name: 'get_time' } }]]));
    expect(v).toMatchObject({ status: 'fail', pointer: '/events/1/choices/0/delta/tool_calls/0/function/name' });
    expect(v.message).toContain('after the arguments started');
  });
  it('fails an id that first arrives on a later fragment', () => {
    const v = run(toolStream([[{ index: 0, function: { name: 'get_time', arguments: '' } }], [{ index: 0, id: 'call_1' }]]));
    expect(v).toMatchObject({ status: 'fail', pointer: '/events/1/choices/0/delta/tool_calls/0/id' });
  });
});
