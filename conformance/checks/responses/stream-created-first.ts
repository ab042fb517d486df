// The stream opens with response.created: the openai SDK's stream helper builds its snapshot from
// it and refuses anything else first.
import type { Check } from '../../types.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { withResponsesStream } from './events.ts';

export const responsesStreamCreatedFirst: Check = {
  id: 'responses.stream-created-first',
  capability: 'responses',
  level: 'MUST',
  kind: 'protocol',
  title: 'The first event is response.created',
  spec: 'OpenAPI ResponseCreatedEvent; docs/deviations.md#responses-clients',
  consequence:
    'openai-node\'s responses.stream() throws "expected \'response.created\' event, got <type>" and openai-python\'s helper raises RuntimeError("Expected to have received `response.created` before …")',
  evidence: 'openai-node src/internal/responses/response-accumulator.ts accumulateResponseWithContext; openai-python lib/streaming/responses/_responses.py',
  run: (input) =>
    withResponsesStream(input, ({ typed }) => {
      if (typed.length === 0) return skip('the stream carried no typed events (see responses.stream-event-json)');
      const first = typed[0];
      if (first.type === 'response.created') return pass();
      return fail(`the stream opens with ${show(first.type)}, not response.created`, { expected: 'response.created first', received: first.type, pointer: `/events/${first.n}/type` });
    }),
};
