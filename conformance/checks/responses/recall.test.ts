import { describe, expect, it } from 'vitest';
import { jsonExchange } from '../test-exchange.ts';
import type { CheckInput } from '../../types.ts';
import { message, responseObject } from './responses.fixtures.ts';
import { responsesItemReference } from './item-reference.ts';
import { responsesPreviousResponseId } from './previous-response-id.ts';
import { chosenWord } from './recall.ts';
import { responsesStateRefusal } from './state-refusal.ts';

const first = jsonExchange(responseObject({ output: [message('Lantern.')] }), { path: '/responses' });
const turn = (body: unknown, request: Record<string, unknown>, status = 200): CheckInput => ({
  exchange: jsonExchange(body, { status, path: '/responses', request }),
  request,
  scenario: 's',
  model: 'm',
  previous: { exchange: first, request: { model: 'm', input: 'pick' } },
});
const byId = { model: 'm', previous_response_id: 'resp_1', input: 'repeat' };
const byRef = { model: 'm', input: [{ role: 'user', content: 'pick' }, { type: 'item_reference', id: 'msg_1' }, { role: 'user', content: 'repeat' }] };
const envelope = (message: string, param: string | null) => ({ error: { message, type: 'invalid_request_error', param, code: null } });

describe('conversation state', () => {
  it('takes the longest word of the first answer as the word to recall', () => {
    expect(chosenWord('Lantern.')).toBe('lantern');
    expect(chosenWord('Sure: Umbrella')).toBe('umbrella');
    expect(chosenWord('42')).toBeUndefined();
  });

  it('passes a second turn that knows the word', () => {
    expect(responsesPreviousResponseId.run(turn(responseObject({ output: [message('lantern')] }), byId)).status).toBe('pass');
    expect(responsesItemReference.run(turn(responseObject({ output: [message('Lantern')] }), byRef)).status).toBe('pass');
  });

  it('fails a second turn answered without the conversation (S09), saying what clients lose', () => {
    const blank = responseObject({ output: [message('I have not replied with any word yet.')] });
    expect(responsesPreviousResponseId.run(turn(blank, byId))).toMatchObject({ status: 'fail', message: /previous_response_id was silently dropped/ });
    expect(responsesItemReference.run(turn(blank, byRef))).toMatchObject({ status: 'fail', message: /Vercel AI SDK/ });
  });

  it('skips a refusal, and responses.state-refusal judges whether it names the reference', () => {
    const vllm = turn(envelope("Response with id 'resp_1' not found.", 'response_id'), byId, 404);
    expect(responsesPreviousResponseId.run(vllm).status).toBe('skip');
    expect(responsesStateRefusal.run(vllm)).toMatchObject({ status: 'fail', message: /HTTP 404 without naming previous_response_id/ });
    const llamacpp = turn(envelope("Cannot determine type of 'item'", null), byRef, 400);
    expect(responsesStateRefusal.run(llamacpp)).toMatchObject({ status: 'fail', message: /naming item_reference/ });
    const named = turn(envelope('input[1]: unknown input item type: "item_reference"', null), byRef, 400);
    expect(responsesStateRefusal.run(named).status).toBe('pass');
    expect(responsesStateRefusal.run(turn(responseObject(), byId)).status).toBe('skip');
  });

  it('skips when the first turn gave nothing to continue from', () => {
    const alone: CheckInput = { ...turn(responseObject(), byId), previous: undefined };
    expect(responsesPreviousResponseId.run(alone).status).toBe('skip');
    expect(responsesStateRefusal.run(alone).status).toBe('skip');
  });
});
