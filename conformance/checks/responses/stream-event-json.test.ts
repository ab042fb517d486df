import { describe, expect, it } from 'vitest';
import { streamInput, textEvents } from './responses.fixtures.ts';
import { responsesStreamEventJson } from './stream-event-json.ts';

describe('responses.stream-event-json', () => {
  it('passes typed JSON events and a tolerated [DONE]', () => {
    expect(responsesStreamEventJson.run(streamInput(textEvents(), undefined, { trailer: ['[DONE]'] })).status).toBe('pass');
  });
  it('fails a payload that is not JSON and an object without a type', () => {
    expect(responsesStreamEventJson.run(streamInput([...textEvents(), '{oops']))).toMatchObject({ status: 'fail', pointer: '/events/11' });
    expect(responsesStreamEventJson.run(streamInput([{ delta: 'x' }]))).toMatchObject({ status: 'fail', pointer: '/events/0/type' });
  });
});
