import { describe, expect, it } from 'vitest';
import { streamInput, textEvents } from './responses.fixtures.ts';
import { responsesStreamSequencePresent } from './stream-sequence-present.ts';

describe('responses.stream-sequence-present', () => {
  it('passes numbered events and flags unnumbered ones (S01)', () => {
    expect(responsesStreamSequencePresent.run(streamInput(textEvents())).status).toBe('pass');
    const bare = textEvents().map(({ sequence_number: _s, ...e }) => e);
    expect(responsesStreamSequencePresent.run(streamInput(bare))).toMatchObject({ status: 'fail', message: /10 of 10/, pointer: '/events/0/sequence_number' });
  });
});
