// A stream ends with data: [DONE] and nothing after it (F14, F31).
import type { Check } from '../../types.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { withStream } from './parse-stream.ts';

export const streamingDoneTerminator: Check = {
  id: 'streaming.done-terminator',
  capability: 'streaming',
  level: 'SHOULD',
  kind: 'protocol',
  consequence:
    'openai-node and openai-python end the stream at end of body without error, so they cannot tell a cut-off stream from a finished one; clients that wait for [DONE] hang or drop the tool calls they buffered; events after [DONE] are never read.',
  evidence:
    'openai-node Stream.fromSSEResponse (node_modules/openai/src/core/streaming.ts: stops at [DONE] or end of body); QwenLM/qwen-code#5143, 2389-research/tracker#544 (docs/deviations.md#f31)',
  title: 'Stream ends with data: [DONE]',
  spec: 'OpenAPI ChatCompletionStreamOptions.include_usage prose ("before the data: [DONE] message"); docs/deviations.md#f14, #f31',
  run: (input) =>
    withStream(input, ({ events }) => {
      if (input.exchange.truncated) return skip('the capture was cut at the size or event cap, so its end is unknown');
      if (events.length === 0) return fail('the stream carried no events', { expected: 'chunks, then data: [DONE]', received: 'no events' });
      const doneAt = events.findIndex((e) => e.done);
      const last = events[events.length - 1];
      if (doneAt === -1) {
        const cause = input.exchange.transportError ? ` then ${input.exchange.transportError.kind}` : ' then end of body';
        return fail('the stream ended without data: [DONE]; clients that wait for it hang, others truncate silently', {
          expected: 'last event data: [DONE]',
          received: `last event ${show(last.data, 120)}${cause}`,
          pointer: `/events/${last.n}`,
        });
      }
      if (doneAt !== events.length - 1) {
        return fail(`${events.length - 1 - doneAt} event(s) follow data: [DONE]; clients stop reading at [DONE] and lose them`, {
          expected: 'nothing after data: [DONE]',
          received: show(events[doneAt + 1].data, 120),
          pointer: `/events/${doneAt + 1}`,
        });
      }
      return pass();
    }),
};
