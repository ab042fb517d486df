import { describe, expect, it } from 'vitest';
import { bodyInput, responseObject } from './responses.fixtures.ts';
import { responsesStatusOk } from './status-ok.ts';

describe('responses.status-ok', () => {
  it('passes a 200 JSON response and fails any other status', () => {
    expect(responsesStatusOk.run(bodyInput(responseObject())).status).toBe('pass');
    const refused = bodyInput({ error: { message: 'nope', type: 'invalid_request_error', param: null, code: null } }, undefined, 500);
    expect(responsesStatusOk.run(refused)).toMatchObject({ status: 'fail', message: /HTTP 500/ });
  });
});
