import { describe, expect, it } from 'vitest';
import { editEvent, message, responseObject, streamInput, textEvents } from './responses.fixtures.ts';
import { responsesStreamText } from './stream-text.ts';

describe('responses.stream-text', () => {
  it('passes deltas that add up to every stated text', () => {
    expect(responsesStreamText.run(streamInput(textEvents())).status).toBe('pass');
  });
  it('fails a .done text and a final response that differ from the deltas', () => {
    const done = editEvent(textEvents(), 'response.output_text.done', (e) => ({ ...e, text: 'Hello!' }));
    expect(responsesStreamText.run(streamInput(done))).toMatchObject({ status: 'fail', pointer: '/events/7/text', expected: '"Hello there!"' });
    const final = editEvent(textEvents(), 'response.completed', (e) => ({ ...e, response: responseObject({ output: [message('Bye')] }) }));
    expect(responsesStreamText.run(streamInput(final))).toMatchObject({ status: 'fail', message: /response.completed output text/ });
  });
});
