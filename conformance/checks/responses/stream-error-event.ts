// An error inside a Responses stream is an `error` event (type "error" with a message, flat as the
// spec has it or nested under `error` as OpenAI sends it), never a chat-style payload (S12, S13).
import type { Check, Verdict } from '../../types.ts';
import { isRecord } from '../streaming/parse-stream.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { withResponsesStream, type ResponsesEvent } from './events.ts';

const EXPECTED = '{"type":"error","sequence_number":n,"message":"…"} or {"type":"error","error":{"type","code","message"}}';

export const responsesStreamErrorEvent: Check = {
  id: 'responses.stream-error-event',
  capability: 'responses',
  level: 'SHOULD',
  kind: 'protocol',
  title: 'Errors inside a stream are Responses error events with a message',
  spec: 'OpenAPI ResponseErrorEvent; docs/deviations.md#s12, #s13',
  consequence:
    'the Vercel AI SDK validates error events (type "error", a string message, string-or-null code) and reports a schema error instead of the server\'s message for anything else (S13); openai-node raises on both shapes',
  evidence: '@ai-sdk/openai src/responses/openai-responses-api.ts openaiResponsesErrorChunkSchema, openaiResponsesNestedErrorChunkSchema; openai-node src/lib/responses/ResponseStream.ts #addEvent',
  run: (input) =>
    withResponsesStream(input, ({ errors }) => {
      if (errors.length === 0) return skip('the stream carried no error event');
      for (const e of errors) {
        const verdict = judgeError(e);
        if (verdict) return verdict;
      }
      return pass(`${errors.length} error event(s) in the Responses shape`);
    }),
};

function judgeError({ n, json }: ResponsesEvent): Verdict | undefined {
  const event = json as Record<string, any>;
  if (event.type !== 'error') {
    return fail('a chat-style error payload inside a Responses stream: it has no type "error"', { expected: EXPECTED, received: show(event, 160), pointer: `/events/${n}` });
  }
  const body = isRecord(event.error) ? event.error : event;
  const where = isRecord(event.error) ? '/error' : '';
  if (typeof body.message !== 'string') {
    return fail('the error event carries no string message', { expected: EXPECTED, received: show(event, 160), pointer: `/events/${n}${where}/message` });
  }
  if (body.code !== undefined && body.code !== null && typeof body.code !== 'string') {
    return fail('the error event\'s code is not a string or null', { expected: 'code: string | null', received: show(body.code), pointer: `/events/${n}${where}/code` });
  }
  return undefined;
}
