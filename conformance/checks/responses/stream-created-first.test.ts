import { describe, expect, it } from 'vitest';
import { streamInput, textEvents, without } from './responses.fixtures.ts';
import { responsesStreamCreatedFirst } from './stream-created-first.ts';

describe('responses.stream-created-first', () => {
  it('passes a stream that opens with response.created, fails one that does not', () => {
    expect(responsesStreamCreatedFirst.run(streamInput(textEvents())).status).toBe('pass');
    expect(responsesStreamCreatedFirst.run(streamInput(without(textEvents(), 'response.created')))).toMatchObject({ status: 'fail', received: 'response.in_progress' });
  });
});
