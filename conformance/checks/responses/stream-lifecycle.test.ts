import { describe, expect, it } from 'vitest';
import { streamInput, textEvents, toolEvents, without } from './responses.fixtures.ts';
import { responsesStreamLifecycle } from './stream-lifecycle.ts';

describe('responses.stream-lifecycle', () => {
  it('passes OpenAI\'s text and tool streams, and arguments sent in one delta (S06)', () => {
    expect(responsesStreamLifecycle.run(streamInput(textEvents())).status).toBe('pass');
    expect(responsesStreamLifecycle.run(streamInput(toolEvents(['{"city":"Paris"}']))).status).toBe('pass');
  });
  it('fails a function call without function_call_arguments.done (S05) and text without output_text.done', () => {
    expect(responsesStreamLifecycle.run(streamInput(without(toolEvents(), 'response.function_call_arguments.done')))).toMatchObject({ status: 'fail', message: /function_call_arguments.done/ });
    expect(responsesStreamLifecycle.run(streamInput(without(textEvents(), 'response.output_text.done')))).toMatchObject({ status: 'fail', message: /output_text.done/ });
  });
  it('fails an event for an item after its output_item.done', () => {
    const events = textEvents();
    const late = [...events.slice(0, 10), { ...events[4], sequence_number: 100 }, events[10]];
    expect(responsesStreamLifecycle.run(streamInput(late))).toMatchObject({ status: 'fail', message: /after its output_item.done/ });
  });
});
