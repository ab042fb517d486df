import { describe, expect, it } from 'vitest';
import { bodyInput, functionCall, responseObject, streamInput, textEvents } from './responses.fixtures.ts';
import { responsesOutputText } from './output-text.ts';

describe('responses.output-text', () => {
  it('passes a message with output_text, streamed or not', () => {
    expect(responsesOutputText.run(bodyInput(responseObject())).status).toBe('pass');
    expect(responsesOutputText.run(streamInput(textEvents())).status).toBe('pass');
  });
  it('fails an answer without text, and skips an error answer', () => {
    expect(responsesOutputText.run(bodyInput(responseObject({ output: [functionCall('{}')] })))).toMatchObject({ status: 'fail', pointer: '/output/0' });
    expect(responsesOutputText.run(bodyInput({ error: {} }, undefined, 400)).status).toBe('skip');
  });
});
