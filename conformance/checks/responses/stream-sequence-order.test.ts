import { describe, expect, it } from 'vitest';
import { editEvent, streamInput, textEvents } from './responses.fixtures.ts';
import { responsesStreamSequenceOrder } from './stream-sequence-order.ts';

describe('responses.stream-sequence-order', () => {
  it('passes increasing numbers, gaps included', () => {
    expect(responsesStreamSequenceOrder.run(streamInput(textEvents())).status).toBe('pass');
    const gaps = textEvents().map((e, i) => ({ ...e, sequence_number: i * 3 }));
    expect(responsesStreamSequenceOrder.run(streamInput(gaps)).status).toBe('pass');
  });
  it('fails a repeated number and skips a stream without numbers', () => {
    const repeated = editEvent(textEvents(), 'response.output_text.delta', (e) => ({ ...e, sequence_number: 4 }), 1);
    expect(responsesStreamSequenceOrder.run(streamInput(repeated))).toMatchObject({ status: 'fail', pointer: '/events/5/sequence_number' });
    expect(responsesStreamSequenceOrder.run(streamInput(textEvents().map(({ sequence_number: _s, ...e }) => e))).status).toBe('skip');
  });
});
