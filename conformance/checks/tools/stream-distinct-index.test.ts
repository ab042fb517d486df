import { describe, expect, it } from 'vitest';
import { ollamaToolStream, openAiToolStream, streamInput } from '../streaming/stream-fixtures.ts';
import { toolsStreamDistinctIndex } from './stream-distinct-index.ts';
import { STREAM_REQUEST, toolStream } from './tool-fixtures.ts';
import { QWEN_TOOL_STREAM, recordedInput } from '../real-traffic.fixtures.ts';

const run = (events: unknown[]) => toolsStreamDistinctIndex.run(streamInput(events, STREAM_REQUEST));
const whole = (index: number, id: string, name: string, args: string) => ({ index, id, type: 'function', function: { name, arguments: args } });

describe('tools.stream-distinct-index', () => {
  it('passes parallel calls on indices 0 and 1', () => {
    expect(run(openAiToolStream()).status).toBe('pass');
    expect(run(ollamaToolStream()).status).toBe('pass');
  });
  it('passes one call whose continuation fragments carry "id": "" (alibaba-qwen:ai:alibaba-tool-call), which is no second call', () => {
    expect(toolsStreamDistinctIndex.run(recordedInput(QWEN_TOOL_STREAM)).status).toBe('pass');
  });
  it('fails two parallel calls both sent with index 0 (F03)', () => {
    const events = toolStream([[whole(0, 'call_1', 'get_weather', '{"city":"Paris"}')], [whole(0, 'call_2', 'get_time', '{"timezone":"Europe/Paris"}')]]);
    const v = run(events);
    expect(v).toMatchObject({ status: 'fail', pointer: '/events/1/choices/0/delta/tool_calls/0/id' });
    expect(v.message).toContain('index 0');
  });
});
