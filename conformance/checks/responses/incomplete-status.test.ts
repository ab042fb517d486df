import { describe, expect, it } from 'vitest';
import { bodyInput, editEvent, responseObject, streamInput, textEvents } from './responses.fixtures.ts';
import { responsesIncompleteStatus } from './incomplete-status.ts';

const request = { model: 'm', input: 'Count from 1 to 100.', max_output_tokens: 16 };
const cut = (over: Record<string, unknown> = {}) => responseObject({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' }, ...over });

describe('responses.incomplete-status', () => {
  it('passes status incomplete with reason max_output_tokens, in a body or the terminal event', () => {
    expect(responsesIncompleteStatus.run(bodyInput(cut(), request)).status).toBe('pass');
    const stream = editEvent(textEvents(), 'response.completed', (e) => ({ ...e, type: 'response.incomplete', response: cut() }));
    expect(responsesIncompleteStatus.run(streamInput(stream, { ...request, stream: true })).status).toBe('pass');
  });
  it('fails a cut answer reported completed (S08) and names an ignored budget', () => {
    const completed = responseObject({ usage: { input_tokens: 5, output_tokens: 16, total_tokens: 21 } });
    expect(responsesIncompleteStatus.run(bodyInput(completed, request))).toMatchObject({ status: 'fail', message: /cut at max_output_tokens 16, yet the status says "completed"/, pointer: '/status' });
    const ignored = responseObject({ usage: { input_tokens: 5, output_tokens: 300, total_tokens: 305 } });
    expect(responsesIncompleteStatus.run(bodyInput(ignored, request))).toMatchObject({ status: 'fail', message: /max_output_tokens 16 was ignored/ });
    expect(responsesIncompleteStatus.run(bodyInput(cut({ incomplete_details: { reason: 'length' } }), request))).toMatchObject({ status: 'fail', pointer: '/incomplete_details' });
  });
  it('skips a request without max_output_tokens', () => {
    expect(responsesIncompleteStatus.run(bodyInput(responseObject(), { model: 'm', input: 'x' })).status).toBe('skip');
  });
});
