// Every Responses event is a JSON object naming its type; a client dispatches on that `type`.
import type { Check } from '../../types.ts';
import { isRecord } from '../streaming/parse-stream.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { withResponsesStream } from './events.ts';

export const responsesStreamEventJson: Check = {
  id: 'responses.stream-event-json',
  capability: 'responses',
  level: 'MUST',
  kind: 'protocol',
  title: 'Every event is a JSON object with a string type',
  spec: 'OpenAPI ResponseStreamEvent (type required on every event)',
  consequence:
    'openai-node throws "malformed server-sent event JSON" on a payload that is not JSON and its stream helper throws on an event without a known type; the Vercel AI SDK turns the chunk into an error part and finishes with "error"',
  evidence: 'openai-node src/core/streaming.ts (JSON.parse of each data), src/internal/responses/response-accumulator.ts sanitizeResponseEvent; @ai-sdk/openai openaiResponsesChunkSchema',
  run: (input) =>
    withResponsesStream(input, ({ events }) => {
      if (events.length === 0) return skip('the stream carried no events');
      for (const e of events) {
        if (e.done) continue;
        if (e.jsonError !== undefined) {
          return fail('an event payload is not JSON', { expected: 'a JSON event object', received: `${show(e.data, 120)} (${e.jsonError})`, pointer: `/events/${e.n}` });
        }
        if (!isRecord(e.json) || typeof e.json.type !== 'string') {
          return fail('an event is not a JSON object with a string type', { expected: '{"type": "response.…", …}', received: show(e.json, 160), pointer: `/events/${e.n}/type` });
        }
      }
      return pass();
    }),
};
