import { describe, expect, it } from 'vitest';
import { streamInput, textEvents, without } from './responses.fixtures.ts';
import { responsesStreamTerminal } from './stream-terminal.ts';

describe('responses.stream-terminal', () => {
  it('passes one terminal event last, with or without a trailing [DONE]', () => {
    expect(responsesStreamTerminal.run(streamInput(textEvents())).status).toBe('pass');
    expect(responsesStreamTerminal.run(streamInput(textEvents(), undefined, { trailer: ['[DONE]'] })).status).toBe('pass');
  });
  it('passes a stream ended by an error event, fails one that just stops', () => {
    const failed = [...without(textEvents(), 'response.completed'), { type: 'error', sequence_number: 20, error: { type: 'server_error', code: 'server_error', message: 'boom', param: null } }];
    expect(responsesStreamTerminal.run(streamInput(failed)).status).toBe('pass');
    expect(responsesStreamTerminal.run(streamInput(without(textEvents(), 'response.completed')))).toMatchObject({ status: 'fail', pointer: '/events/9' });
  });
  it('fails two terminal events and events after the terminal one', () => {
    const events = textEvents();
    expect(responsesStreamTerminal.run(streamInput([...events, events.at(-1)!]))).toMatchObject({ status: 'fail', message: /2 terminal events/ });
    expect(responsesStreamTerminal.run(streamInput([...events, events[4]]))).toMatchObject({ status: 'fail', pointer: '/events/11' });
  });
});
