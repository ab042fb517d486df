// Where events are numbered, the numbers strictly increase: they are the resume cursor.
import type { Check } from '../../types.ts';
import { fail, pass, skip } from '../verdict.ts';
import { withResponsesStream } from './events.ts';

export const responsesStreamSequenceOrder: Check = {
  id: 'responses.stream-sequence-order',
  capability: 'responses',
  level: 'SHOULD',
  kind: 'protocol',
  title: 'sequence_number strictly increases through the stream',
  spec: 'OpenAPI ResponseStreamEvent sequence_number ("The sequence number of this event"); docs/deviations.md#s01',
  consequence:
    'a client resuming with starting_after (openai-node responses.stream({response_id, starting_after}), openai-python) skips or repeats events, so resumed text is cut or doubled',
  evidence: 'openai-node src/lib/responses/ResponseStream.ts maybeEmit (event.sequence_number > starting_after)',
  run: (input) =>
    withResponsesStream(input, ({ typed }) => {
      const numbered = typed.filter((e) => Number.isInteger(e.event.sequence_number));
      if (numbered.length < 2) return skip('fewer than two numbered events (see responses.stream-sequence-present)');
      for (let i = 1; i < numbered.length; i++) {
        const [before, at] = [numbered[i - 1], numbered[i]];
        if (at.event.sequence_number <= before.event.sequence_number) {
          return fail(`sequence_number goes from ${before.event.sequence_number} to ${at.event.sequence_number}`, {
            expected: `a number above ${before.event.sequence_number}`,
            received: `${at.event.sequence_number} on ${at.type}`,
            pointer: `/events/${at.n}/sequence_number`,
          });
        }
      }
      return pass();
    }),
};
