import type { Check } from '../../types.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { withStream } from './parse-stream.ts';

export const streamingDataJson: Check = {
  id: 'streaming.data-json',
  capability: 'streaming',
  level: 'MUST',
  kind: 'protocol',
  title: 'Every data payload other than [DONE] is JSON',
  spec: 'OpenAPI CreateChatCompletionStreamResponse; wire-facts F29, F30',
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
