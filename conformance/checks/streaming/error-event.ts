// An error after the stream started must be a payload with an "error" object carrying a string
// message: that is what openai-python and openai-node raise on.
import type { Check, Verdict } from '../../types.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { isRecord, withStream, type StreamEvent } from './parse-stream.ts';

const EXPECTED = 'data: {"error":{"message":string,…}} (type, param and code as in the OpenAI envelope)';

export const streamingErrorEvent: Check = {
  id: 'streaming.error-event',
  capability: 'streaming',
  level: 'MUST',
  kind: 'protocol',
  consequence:
    'openai-python and openai-node raise APIError only for a payload with an "error" member; a flat error ({"object":"error","message":…}) passes through as an ordinary chunk, so the failure is silent, and without a string error.message the cause is lost ("An error occurred during streaming").',
  evidence:
    'openai-node Stream.fromSSEResponse (node_modules/openai/src/core/streaming.ts: `if (data && data.error) throw new APIError`); openai-python Stream.__stream__ (docs/deviations.md#clients)',
  title: 'An error inside a stream uses the OpenAI error envelope',
  spec: 'OpenAPI ErrorResponse; docs/deviations.md#f13, #f16, #f17',
  run: (input) =>
    withStream(input, ({ errors }) => {
      if (errors.length === 0) return skip('the stream carried no error event');
      for (const e of errors) {
        const verdict = judgeErrorEvent(e);
        if (verdict) return verdict;
      }
      return pass(`${errors.length} error event(s), each in the OpenAI envelope`);
    }),
};

function judgeErrorEvent({ n, json }: StreamEvent): Verdict | undefined {
  const body = json as Record<string, any>;
  const error = body.error;
  if (!isRecord(error)) {
    const flat = typeof error === 'string' ? 'is a string' : 'is not wrapped in an "error" object';
    return fail(`the error event ${flat}; OpenAI clients find no error.message and miss or mangle the failure`, {
      expected: EXPECTED,
      received: show(body, 160),
      pointer: `/events/${n}${typeof error === 'string' ? '/error' : ''}`,
    });
  }
  // Clients raise with error.message and read the other keys without relying on them.
  if (typeof error.message !== 'string') {
    return fail("the error event's error.message is not a string; clients raise a generic error and the cause is lost", {
      expected: EXPECTED,
      received: show(body, 160),
      pointer: `/events/${n}/error/message`,
    });
  }
  return undefined;
}
