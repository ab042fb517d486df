// A legacy completion stream ends with data: [DONE], as the spec says it is "terminated by".
import type { Check } from '../../types.ts';
import { withStream } from '../streaming/parse-stream.ts';
import { fail, pass, show, skip } from '../verdict.ts';

export const completionsStreamDone: Check = {
  id: 'completions.stream-done',
  capability: 'completions',
  level: 'SHOULD',
  title: 'The stream ends with data: [DONE]',
  spec: 'OpenAPI CreateCompletionRequest.stream ("terminated by a data: [DONE] message")',
  kind: 'protocol',
  consequence:
    'openai-node and openai-python end the stream at end of body without error, so they cannot tell a cut-off completion from a finished one; clients that wait for [DONE] hang.',
  evidence: 'openai-node Stream.fromSSEResponse (node_modules/openai/src/core/streaming.ts); emulator quirk completions-no-done (conformance/test/mutation.test.ts)',
  run: (input) =>
    withStream(input, ({ events }) => {
      if (input.exchange.truncated) return skip('the capture was cut at the size or event cap, so its end is unknown');
      const last = events.at(-1);
      if (!last) return fail('the stream carried no events', { expected: 'chunks, then data: [DONE]', received: 'no events' });
      const doneAt = events.findIndex((e) => e.done);
      if (doneAt === events.length - 1) return pass();
      if (doneAt === -1) return fail('the stream ended without data: [DONE]', { expected: 'last event data: [DONE]', received: `last event ${show(last.data, 120)}`, pointer: `/events/${last.n}` });
      return fail('events follow data: [DONE]; clients stop reading there', { expected: 'nothing after data: [DONE]', received: show(events[doneAt + 1].data, 120), pointer: `/events/${doneAt + 1}` });
    }),
};
