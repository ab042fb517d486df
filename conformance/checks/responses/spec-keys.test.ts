import { describe, expect, it } from 'vitest';
import { bodyInput, responseObject, streamInput, textEvents } from './responses.fixtures.ts';
import { responsesSpecKeys } from './spec-keys.ts';

describe('responses.spec-keys', () => {
  it('passes the full object, streamed or not', () => {
    expect(responsesSpecKeys.run(bodyInput(responseObject())).status).toBe('pass');
    expect(responsesSpecKeys.run(streamInput(textEvents())).status).toBe('pass');
  });

  it('flags the keys llama.cpp and vLLM leave out (S11), with the first one\'s pointer', () => {
    const { error: _e, instructions: _i, ...rest } = responseObject();
    expect(responsesSpecKeys.run(bodyInput(rest))).toMatchObject({ status: 'fail', message: /error, instructions/, pointer: '/error' });
  });
});
