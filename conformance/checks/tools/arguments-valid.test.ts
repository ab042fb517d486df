import { describe, expect, it } from 'vitest';
import { openAiToolStream, streamInput } from '../streaming/stream-fixtures.ts';
import { toolsArgumentsValid } from './arguments-valid.ts';
import { completion, completionInput, STREAM_REQUEST, weatherCall } from './tool-fixtures.ts';

const run = (call: unknown) => toolsArgumentsValid.run(completionInput(completion([call])));

describe('tools.arguments-valid', () => {
  it("passes arguments valid against the tool's parameters", () => {
    expect(run(weatherCall()).status).toBe('pass');
    expect(toolsArgumentsValid.run(streamInput(openAiToolStream(), STREAM_REQUEST)).status).toBe('pass');
  });
  it('fails arguments missing a required property or outside the enum', () => {
    expect(run(weatherCall('{"unit":"celsius"}'))).toMatchObject({ status: 'fail', pointer: '/choices/0/message/tool_calls/0/function/arguments' });
    expect(run(weatherCall('{"city":"Paris","unit":"kelvin"}')).received).toContain('allowed values');
  });
  it('fails a call to a function that was not offered', () => {
    expect(run(weatherCall('{}', 'get_stock_price'))).toMatchObject({ status: 'fail', received: '"get_stock_price"' });
  });
  it('skips when no call has object arguments', () => {
    expect(run(weatherCall('not json')).status).toBe('skip');
  });
});
