import { describe, expect, it } from 'vitest';
import { inputOf, jsonExchange } from '../test-exchange.ts';
import { streamInput, textEvents } from './responses.fixtures.ts';
import { responsesInvalidInputError } from './invalid-input-error.ts';

const envelope = { error: { message: 'input[0]: unknown input item type: "no_such_item"', type: 'invalid_request_error', param: null, code: null } };

describe('responses.invalid-input-error', () => {
  it('passes a 4xx envelope and a stream that reports the error', () => {
    expect(responsesInvalidInputError.run(inputOf(jsonExchange(envelope, { status: 400 }))).status).toBe('pass');
    const errorEvent = { type: 'error', sequence_number: 1, code: 'invalid_value', message: 'bad input', param: 'input' };
    expect(responsesInvalidInputError.run(streamInput([textEvents()[0], errorEvent])).status).toBe('pass');
  });
  it('fails a 500, a string error body, and a stream that carries on', () => {
    expect(responsesInvalidInputError.run(inputOf(jsonExchange(envelope, { status: 500 }))).status).toBe('fail');
    expect(responsesInvalidInputError.run(inputOf(jsonExchange({ error: 'bad input' }, { status: 400 }))).status).toBe('fail');
    expect(responsesInvalidInputError.run(streamInput(textEvents()))).toMatchObject({ status: 'fail', message: /as if it were valid/ });
  });
});
