import { describe, expect, it } from 'vitest';
import { streamInput, textEvents } from './responses.fixtures.ts';
import { responsesStreamErrorEvent } from './stream-error-event.ts';

const created = textEvents()[0];

describe('responses.stream-error-event', () => {
  it('skips a stream without errors', () => {
    expect(responsesStreamErrorEvent.run(streamInput(textEvents())).status).toBe('skip');
  });
  it('passes OpenAI\'s nested error event and the spec\'s flat one (S12)', () => {
    const nested = { type: 'error', sequence_number: 1, error: { type: 'insufficient_quota', code: 'insufficient_quota', message: 'You exceeded your current quota', param: null } };
    expect(responsesStreamErrorEvent.run(streamInput([created, nested])).status).toBe('pass');
    const flat = { type: 'error', sequence_number: 1, code: 'server_error', message: 'boom', param: null };
    expect(responsesStreamErrorEvent.run(streamInput([created, flat])).status).toBe('pass');
  });
  it('fails a chat-style error payload (S13) and an integer code', () => {
    const chat = { error: { message: 'boom', type: 'server_error', code: 500 } };
    expect(responsesStreamErrorEvent.run(streamInput([created, chat]))).toMatchObject({ status: 'fail', message: /chat-style/ });
    const intCode = { type: 'error', sequence_number: 1, code: 500, message: 'boom', param: null };
    expect(responsesStreamErrorEvent.run(streamInput([created, intCode]))).toMatchObject({ status: 'fail', pointer: '/events/1/code' });
  });
});
