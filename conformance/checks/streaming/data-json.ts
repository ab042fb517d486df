// Every data payload but [DONE] must be JSON: official clients throw on the first one that is not.
import type { Check } from '../../types.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { withStream } from './parse-stream.ts';

export const streamingDataJson: Check = {
  id: 'streaming.data-json',
  capability: 'streaming',
  level: 'MUST',
  kind: 'protocol',
  consequence:
    'openai-node throws SyntaxError "malformed server-sent event JSON" and openai-python raises JSONDecodeError on the first data payload that is not JSON (an empty event, a comment re-wrapped as data).',
  evidence:
    'openai-node Stream.fromSSEResponse (node_modules/openai/src/core/streaming.ts); openai/openai-python#2722 (docs/deviations.md#f30)',
  title: 'Every data payload other than [DONE] is JSON',
  spec: 'OpenAPI CreateChatCompletionStreamResponse; docs/deviations.md#f29, #f30',
  run: (input) =>
    withStream(input, ({ events }) => {
      if (events.length === 0) return skip('the stream carried no events');
      const bad = events.filter((e) => !e.done && e.jsonError !== undefined);
      if (bad.length === 0) return pass();
      const first = bad[0];
      return fail(`${bad.length} of ${events.length} events carry a payload that is not JSON; clients fail to decode them`, {
        expected: 'a JSON chunk or [DONE]',
        received: `${show(first.data)} (${first.jsonError})`,
        pointer: `/events/${first.n}`,
      });
    }),
};
