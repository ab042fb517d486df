import { describe, expect, it } from 'vitest';
import { ollamaToolStream, openAiToolStream, streamInput } from '../streaming/stream-fixtures.ts';
import { toolsStreamIdOnce } from './stream-id-once.ts';
import { STREAM_REQUEST, toolStream } from './tool-fixtures.ts';

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
    expect(v.message).toContain('3 such fragments');
  });
  it('fails an id that first arrives on a later fragment', () => {
    const v = run(toolStream([[{ index: 0, function: { name: 'get_time', arguments: '' } }], [{ index: 0, id: 'call_1' }]]));
    expect(v).toMatchObject({ status: 'fail', pointer: '/events/1/choices/0/delta/tool_calls/0/id' });
  });
});
