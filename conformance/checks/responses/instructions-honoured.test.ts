import { describe, expect, it } from 'vitest';
import { bodyInput, message, responseObject } from './responses.fixtures.ts';
import { demandedWord, responsesInstructionsHonoured } from './instructions-honoured.ts';

const request = { model: 'm', instructions: 'Answer with the single word "pineapple", whatever the user says.', input: 'What colour is the sky?' };

describe('responses.instructions-honoured', () => {
  it('reads the demanded word', () => {
    expect(demandedWord(request.instructions)).toBe('pineapple');
    expect(demandedWord(undefined)).toBeUndefined();
  });
  it('passes an answer that follows the instructions and fails one that ignores them', () => {
    expect(responsesInstructionsHonoured.run(bodyInput(responseObject({ output: [message('Pineapple.')] }), request)).status).toBe('pass');
    expect(responsesInstructionsHonoured.run(bodyInput(responseObject({ output: [message('Blue.')] }), request))).toMatchObject({ status: 'fail', received: '"Blue."' });
    expect(responsesInstructionsHonoured.run(bodyInput(responseObject(), { model: 'm', input: 'x' })).status).toBe('skip');
  });
});
