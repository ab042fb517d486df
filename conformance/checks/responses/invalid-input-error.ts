// A Responses request the server cannot take is refused in a shape clients read: a 4xx error
// envelope before any stream starts, or — as OpenAI does for some failures after the 200 — a
// stream whose error event or response.failed says why.
import type { Check } from '../../types.ts';
import { bodyJson } from '../chat/body.ts';
import { isRecord } from '../streaming/parse-stream.ts';
import { fail, pass, show } from '../verdict.ts';
import { readResponsesStream } from './events.ts';

export const responsesInvalidInputError: Check = {
  id: 'responses.invalid-input-error',
  capability: 'responses',
  level: 'SHOULD',
  kind: 'protocol',
  title: 'An invalid streamed request is refused with an error envelope or an error event',
  spec: 'OpenAPI createResponse (4xx Error), ResponseErrorEvent, ResponseFailedEvent; docs/deviations.md#s13',
  consequence:
    'openai-node and the Vercel AI SDK surface a 4xx envelope or a Responses error event with the server\'s message; a 5xx, a body without the envelope, or a stream that carries on as if the input were valid leaves the app with a generic error or a wrong answer',
  evidence: 'openai-node src/core/streaming.ts (error events raise APIError); @ai-sdk/openai openaiResponsesErrorChunkSchema; ollama openai/responses.go ("unknown input item type")',
  run({ exchange }) {
    const status = exchange.status ?? 0;
    if (status >= 400 && status < 500) {
      const error = (bodyJson(exchange) as { error?: unknown } | undefined)?.error;
      if (isRecord(error) && typeof error.message === 'string') return pass(`refused with HTTP ${status} before streaming`);
      return fail(`HTTP ${status} without the OpenAI error envelope`, { expected: '{"error":{"message",…}}', received: show(exchange.bodyText.slice(0, 200)) });
    }
    if (status < 200 || status >= 300) return fail(`the invalid request was answered HTTP ${status}`, { expected: 'a 4xx error envelope', received: `HTTP ${status}: ${show(exchange.bodyText.slice(0, 160))}` });
    if (!exchange.sse) return fail('the invalid request was answered 2xx without a stream', { expected: 'a 4xx error envelope', received: show(exchange.bodyText.slice(0, 160)) });
    const { typed, errors } = readResponsesStream(exchange);
    if (errors.length > 0 || typed.some((e) => e.type === 'response.failed')) return pass('refused inside the stream (see responses.stream-error-event)');
    return fail('the invalid request was streamed as if it were valid', { expected: 'a 4xx error envelope, or an error event', received: `${typed.length} events, none an error` });
  },
};
