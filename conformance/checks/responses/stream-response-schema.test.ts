import { describe, expect, it } from 'vitest';
import { editEvent, streamInput, textEvents } from './responses.fixtures.ts';
import { responsesStreamResponseSchema } from './stream-response-schema.ts';

describe('responses.stream-response-schema', () => {
  it('passes full response objects on every lifecycle event', () => {
    expect(responsesStreamResponseSchema.run(streamInput(textEvents())).status).toBe('pass');
  });
  it('fails llama.cpp\'s stub response.created (S03) at the missing field', () => {
    const stub = editEvent(textEvents(), 'response.created', (e) => ({ ...e, response: { id: 'resp_1', object: 'response', status: 'in_progress' } }));
    expect(responsesStreamResponseSchema.run(streamInput(stub))).toMatchObject({ status: 'fail', pointer: '/events/0/response/created_at' });
  });
});
