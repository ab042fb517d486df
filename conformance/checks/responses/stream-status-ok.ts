// A streamed Responses request is answered 200 as text/event-stream; an error before the stream
// starts belongs in a JSON error envelope, judged by responses.stream-error-event.
import type { Check } from '../../types.ts';
import { fail, pass, show } from '../verdict.ts';

export const responsesStreamStatusOk: Check = {
  id: 'responses.stream-status-ok',
  capability: 'responses',
  level: 'MUST',
  kind: 'protocol',
  title: 'A streamed response is answered 200 as text/event-stream',
  spec: 'OpenAPI createResponse (200 text/event-stream when stream is true)',
  consequence: 'openai-node raises an APIError on a non-2xx status and reads no events from a body that is not an event stream; the Vercel AI SDK\'s streamText errors',
  evidence: 'openai-node src/core/streaming.ts Stream.fromSSEResponse; @ai-sdk/provider-utils createEventSourceResponseHandler',
  run({ exchange }) {
    if (exchange.status === undefined) return { status: 'error', message: `no response arrived: ${exchange.transportError?.message ?? 'transport failure'}` };
    if (exchange.status !== 200) {
      return fail(`the streamed response was answered with status ${exchange.status}`, { expected: '200', received: `${exchange.status} ${show(exchange.bodyText.slice(0, 200))}` });
    }
    const header = exchange.headers['content-type'];
    if (header?.split(';')[0].trim().toLowerCase() === 'text/event-stream') return pass();
    return fail('the stream was not served as text/event-stream, so SSE clients will not parse it', {
      expected: 'content-type: text/event-stream',
      received: `content-type: ${show(header)}`,
    });
  },
};
