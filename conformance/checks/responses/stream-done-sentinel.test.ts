import { describe, expect, it } from 'vitest';
import { streamInput, textEvents } from './responses.fixtures.ts';
import { responsesStreamDoneSentinel } from './stream-done-sentinel.ts';

describe('responses.stream-done-sentinel', () => {
  it('passes a stream without [DONE] and flags one with it (S16)', () => {
    expect(responsesStreamDoneSentinel.run(streamInput(textEvents())).status).toBe('pass');
    expect(responsesStreamDoneSentinel.run(streamInput(textEvents(), undefined, { trailer: ['[DONE]'] }))).toMatchObject({ status: 'fail', pointer: '/events/11' });
  });
});
