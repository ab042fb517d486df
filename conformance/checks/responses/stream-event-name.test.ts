import { describe, expect, it } from 'vitest';
import { streamInput, textEvents } from './responses.fixtures.ts';
import { responsesStreamEventName } from './stream-event-name.ts';

describe('responses.stream-event-name', () => {
  it('passes matching event: lines and skips a stream without them (legal)', () => {
    expect(responsesStreamEventName.run(streamInput(textEvents())).status).toBe('pass');
    expect(responsesStreamEventName.run(streamInput(textEvents(), undefined, { eventLines: false })).status).toBe('skip');
  });
  it('fails an event: line that names another type', () => {
    const input = streamInput(textEvents());
    input.exchange.sse!.events[4] = { ...input.exchange.sse!.events[4], event: 'response.output_text.done' };
    expect(responsesStreamEventName.run(input)).toMatchObject({ status: 'fail', pointer: '/events/4', received: 'event: response.output_text.done' });
  });
});
