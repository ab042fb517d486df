import { describe, expect, it } from 'vitest';
import { openAiToolStream, streamInput } from '../streaming/stream-fixtures.ts';
import { toolsArgumentsJson } from './arguments-json.ts';
import { completion, completionInput, STREAM_REQUEST, toolStream, weatherCall } from './tool-fixtures.ts';

describe('tools.arguments-json', () => {
  it('passes arguments that parse to an object, including concatenated stream fragments', () => {
    expect(toolsArgumentsJson.run(completionInput(completion([weatherCall()]))).status).toBe('pass');
    expect(toolsArgumentsJson.run(streamInput(openAiToolStream(), STREAM_REQUEST)).status).toBe('pass');
  });
  it('fails arguments of two calls merged on one index (F03)', () => {
    const events = toolStream([
      [{ index: 0, ...weatherCall('{"city":"Paris"}') }],
      [{ index: 0, function: { arguments: '{"timezone":"UTC"}' } }],
    ]);
    const v = toolsArgumentsJson.run(streamInput(events, STREAM_REQUEST));
    expect(v).toMatchObject({ status: 'fail', pointer: '/events/0/choices/0/delta/tool_calls/0/function/arguments' });
    expect(v.message).toContain('not JSON');
  });
  it('fails JSON that is not an object', () => {
    expect(toolsArgumentsJson.run(completionInput(completion([weatherCall('["Paris"]')])))).toMatchObject({ status: 'fail', received: '"[\\"Paris\\"]"' });
  });
  it('skips arguments the token limit cut (finish_reason length), judges them otherwise', () => {
    const cut = weatherCall('{"city":"Pa');
    expect(toolsArgumentsJson.run(completionInput(completion([cut], 'length')))).toMatchObject({ status: 'skip' });
    expect(toolsArgumentsJson.run(completionInput(completion([cut], 'tool_calls')))).toMatchObject({ status: 'fail' });
  });
  it('leaves non-string arguments to tools.arguments-string', () => {
    expect(toolsArgumentsJson.run(completionInput(completion([weatherCall({ city: 'Paris' })]))).status).toBe('skip');
  });
});
