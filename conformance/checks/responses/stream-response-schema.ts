// The `response` object of every lifecycle event (created, in_progress, completed, …) is a full
// Response, not a stub (S03).
import type { Check } from '../../types.ts';
import { schemaVerdict } from '../chat/body.ts';
import { isRecord } from '../streaming/parse-stream.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { LIFECYCLE, withResponsesStream } from './events.ts';

export const responsesStreamResponseSchema: Check = {
  id: 'responses.stream-response-schema',
  capability: 'responses',
  level: 'MUST',
  kind: 'protocol',
  title: 'Lifecycle events carry a full Response object',
  spec: 'OpenAPI ResponseCreatedEvent, ResponseCompletedEvent (response: Response); docs/deviations.md#s03',
  consequence:
    'the Vercel AI SDK rejects a response.created without id, created_at and model and ends the stream with an error (S03); openai-node\'s helper throws "Lifecycle events require a response object"',
  evidence: '@ai-sdk/openai src/responses/openai-responses-api.ts (response.created schema); openai-node src/lib/responses/ResponseStream.ts #prepareEvent',
  run: (input) =>
    withResponsesStream(input, ({ typed }) => {
      const lifecycle = typed.filter((e) => LIFECYCLE.has(e.type));
      if (lifecycle.length === 0) return skip('the stream carried no lifecycle events');
      for (const e of lifecycle) {
        if (!isRecord(e.event.response)) {
          return fail(`${e.type} carries no response object`, { expected: '"response": {…}', received: show(e.event.response), pointer: `/events/${e.n}/response` });
        }
        const verdict = schemaVerdict('response', e.event.response, `the response of ${e.type}`);
        if (verdict.status === 'fail') return { ...verdict, pointer: `/events/${e.n}/response${verdict.pointer === '/' ? '' : verdict.pointer}` };
      }
      return pass();
    }),
};
