import { describe, expect, it } from 'vitest';
import { ollamaToolStream, openAiToolStream, streamInput, usageChunk } from '../streaming/stream-fixtures.ts';
import { toolsStreamFinishReason } from './stream-finish-reason.ts';
import { completion, completionInput, STREAM_REQUEST, toolStream, weatherCall } from './tool-fixtures.ts';

const run = (events: unknown[], request: unknown = STREAM_REQUEST) => toolsStreamFinishReason.run(streamInput(events, request));
const call = [{ index: 0, ...weatherCall() }];
const withUsage = { ...STREAM_REQUEST, stream_options: { include_usage: true } };

describe('tools.stream-finish-reason', () => {
  it('passes tool_calls for required', () => {
    expect(run(openAiToolStream()).status).toBe('pass');
    expect(run(ollamaToolStream()).status).toBe('pass');
  });
  it('fails stop after streamed calls for required (F05)', () => {
    expect(run(toolStream([call], 'stop'))).toMatchObject({ status: 'fail', pointer: '/events/1/choices/0/finish_reason', received: '"stop"' });
  });
  it('accepts stop for a named tool_choice, as OpenAI reports it (F07)', () => {
    const named = { ...STREAM_REQUEST, tool_choice: { type: 'function', function: { name: 'get_weather' } } };
    expect(run(toolStream([call], 'stop'), named).status).toBe('pass');
  });
  it('fails tool_calls that hides a cut-off call (F06), passes length', () => {
    const spent = usageChunk({ prompt_tokens: 50, completion_tokens: 64, total_tokens: 114 });
    const truncated = (finish: string) => [...toolStream([[{ index: 0, id: 'c', type: 'function', function: { name: 'get_weather', arguments: '{"ci' } }]], finish).slice(0, -1), spent, '[DONE]'];
    expect(run(truncated('tool_calls'), withUsage)).toMatchObject({ status: 'fail', received: '"tool_calls"' });
    expect(run(truncated('length'), withUsage).status).toBe('pass');
  });
  it('says what Expected says: a call cut at the limit, not dropped calls (issue #9)', () => {
    const spent = usageChunk({ prompt_tokens: 50, completion_tokens: 5, total_tokens: 55 });
    const events = [...toolStream([[{ index: 0, id: 'c', type: 'function', function: { name: 'get_weather', arguments: '{"ci' } }]], 'tool_calls').slice(0, -1), spent, '[DONE]'];
    const v = run(events, { ...withUsage, max_tokens: 5 });
    expect(v.expected).toBe('length (the reply used 5 of 5 tokens)');
    expect(v.message).toContain('the token limit cut the tool call off');
    expect(v.message).not.toContain('although tool calls were');
  });
  it('skips non-stream replies', () => {
    expect(toolsStreamFinishReason.run(completionInput(completion([weatherCall()]))).status).toBe('skip');
  });
});
