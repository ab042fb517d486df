import { describe, expect, it } from 'vitest';
import { choicesOf, parseStream } from '../streaming/parse-stream.ts';
import { openAiToolStream, streamInput } from '../streaming/stream-fixtures.ts';
import { accumulateToolCalls } from './accumulate.ts';
import { toolStream } from './tool-fixtures.ts';
import { QWEN_TOOL_STREAM, recordedInput } from '../real-traffic.fixtures.ts';

const fold = (events: unknown[]) => accumulateToolCalls(choicesOf(parseStream(streamInput(events).exchange)));
const head = (index: unknown, id: string, name: string) => ({ index, id, type: 'function', function: { name, arguments: '' } });
const args = (index: unknown, text: unknown) => ({ index, function: { arguments: text } });

describe('accumulateToolCalls', () => {
  it('folds the OpenAI stream into two calls with concatenated arguments', () => {
    const { calls, anomalies, fragments } = fold(openAiToolStream());
    expect(anomalies).toEqual([]);
    expect(fragments).toBe(5);
    expect(calls).toMatchObject([
      { choice: 0, index: 0, id: 'call_a1', type: 'function', name: 'get_weather', arguments: '{"city":"Paris"}', fragments: 3, pointer: '/events/0/choices/0/delta/tool_calls/0' },
      { choice: 0, index: 1, id: 'call_b2', name: 'get_time', arguments: '{"timezone":"Europe/Paris"}', fragments: 2 },
    ]);
  });
  it('records a fragment without index (F02) and joins it by position', () => {
    const { calls, anomalies } = fold(toolStream([[head(undefined, 'c1', 'get_time')], [args(undefined, '{}')]]));
    expect(anomalies).toEqual([expect.objectContaining({ kind: 'missing-index', event: 0 }), expect.objectContaining({ kind: 'missing-index', event: 1 })]);
    expect(calls).toHaveLength(1);
    expect(calls[0].arguments).toBe('{}');
  });
  it('records two calls on index 0 as a merge (F03), as a client would concatenate them', () => {
    const { calls, anomalies } = fold(toolStream([[head(0, 'c1', 'get_weather')], [args(0, '{"city":"Paris"}')], [head(0, 'c2', 'get_time')], [args(0, '{"timezone":"UTC"}')]]));
    expect(anomalies).toEqual([expect.objectContaining({ kind: 'merged-call', event: 2, field: 'id', value: 'c2', pointer: '/events/2/choices/0/delta/tool_calls/0/id' })]);
    expect(calls[0].arguments).toBe('{"city":"Paris"}{"timezone":"UTC"}');
  });
  it('records id and name re-sent on every fragment (F04); a re-sent type is replaced by clients, not concatenated', () => {
    const frag = (text: string) => ({ ...head(0, 'c1', 'get_time'), function: { name: 'get_time', arguments: text } });
    const { anomalies } = fold(toolStream([[frag('{"timezone"')], [frag(':"UTC"}')]]));
    expect(anomalies.map((a) => [a.kind, a.field, a.event])).toEqual([
      ['repeated-field', 'id', 1],
      ['repeated-field', 'name', 1],
    ]);
  });
  it('reads "id": "" on continuation fragments as no id, as openai-python and openai-node do (alibaba-qwen:ai:alibaba-tool-call)', () => {
    const { calls, anomalies } = accumulateToolCalls(choicesOf(parseStream(recordedInput(QWEN_TOOL_STREAM).exchange)));
    expect(anomalies).toEqual([]);
    expect(calls).toMatchObject([{ id: 'call_eee11723464a4b9eb8cee71d', name: 'weather', arguments: '{"location": "San Francisco"}', fragments: 4 }]);
  });
  it('tells a late id from a name that arrives after the arguments (F32)', () => {
    const { anomalies } = fold(toolStream([[args(0, '{"timezone":"UTC"}')], [{ index: 0, id: 'c1', function: { name: 'get_time' } }]]));
    expect(anomalies.map((a) => [a.kind, a.field])).toEqual([
      ['late-field', 'id'],
      ['after-arguments', 'name'],
    ]);
  });
  it('records nulls and non-string arguments (F32, F28)', () => {
    const events = toolStream([[{ index: 0, id: 'c1', type: null, function: { name: 'get_time', arguments: { timezone: 'UTC' } } }], [{ index: 0, function: null }]]);
    const { calls, anomalies } = fold([...events.slice(0, 1), { ...(events[1] as object), choices: [{ index: 0, delta: { tool_calls: null }, finish_reason: null }] }, ...events.slice(1)]);
    expect(anomalies.map((a) => [a.kind, a.field, a.event])).toEqual([
      ['null-field', 'type', 0],
      ['arguments-not-string', 'arguments', 0],
      ['null-field', 'tool_calls', 1],
      ['null-field', 'function', 2],
    ]);
    expect(calls[0].nonStringArguments).toEqual({ timezone: 'UTC' });
  });
});
