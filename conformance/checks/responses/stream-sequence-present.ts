// Every Responses event carries sequence_number (S01). OpenAI's own streams lacked it before
// mid-2025, and no client needs it to read a stream, so its absence is a warning.
import type { Check } from '../../types.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { withResponsesStream } from './events.ts';

export const responsesStreamSequencePresent: Check = {
  id: 'responses.stream-sequence-present',
  capability: 'responses',
  level: 'MAY',
  kind: 'protocol',
  title: 'Every event carries an integer sequence_number',
  spec: 'OpenAPI ResponseStreamEvent (sequence_number required on every event); docs/deviations.md#s01',
  consequence:
    'resuming a stream with openai-node\'s responses.stream({response_id, starting_after}) cannot skip the events already seen; spec-strict validators reject the events. Reading a live stream works without it (OpenAI itself sent none before mid-2025)',
  evidence: 'openai-node src/lib/responses/ResponseStream.ts maybeEmit (starting_after filter); recording openai:pydantic-ai:test_openai_responses_stream#0 (2025-03, no sequence_number)',
  run: (input) =>
    withResponsesStream(input, ({ typed }) => {
      if (typed.length === 0) return skip('the stream carried no typed events');
      const missing = typed.filter((e) => !Number.isInteger(e.event.sequence_number));
      if (missing.length === 0) return pass();
      return fail(`${missing.length} of ${typed.length} events carry no integer sequence_number`, {
        expected: 'sequence_number: integer on every event',
        received: show(missing[0].event, 160),
        pointer: `/events/${missing[0].n}/sequence_number`,
      });
    }),
};
