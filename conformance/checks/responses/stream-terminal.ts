// A Responses stream ends with exactly one terminal event — response.completed, .incomplete or
// .failed — or with an error event; nothing but a tolerated [DONE] follows it.
import type { Check } from '../../types.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { TERMINAL, withResponsesStream } from './events.ts';

export const responsesStreamTerminal: Check = {
  id: 'responses.stream-terminal',
  capability: 'responses',
  level: 'MUST',
  kind: 'protocol',
  title: 'The stream ends with exactly one response.completed, .incomplete or .failed',
  spec: 'OpenAPI ResponseCompletedEvent, ResponseIncompleteEvent, ResponseFailedEvent; docs/deviations.md#responses-clients',
  consequence:
    'without a terminal event openai-python\'s get_final_response() raises "Didn\'t receive a `response.completed` event", openai-node\'s finalResponse() resolves with an unfinished in_progress snapshot and the Vercel AI SDK reports no usage; a silently cut stream looks like a short answer. Events after the terminal one are lost',
  evidence: 'openai-python lib/streaming/responses/_responses.py; openai-node src/lib/responses/ResponseStream.ts #endRequest; @ai-sdk/openai (usage only from response.completed/incomplete)',
  run: (input) =>
    withResponsesStream(input, ({ events, typed, errors }) => {
      if (input.exchange.truncated) return skip('the capture was cut at the size or event cap, so its end is unknown');
      const content = events.filter((e) => !e.done);
      if (content.length === 0) return fail('the stream carried no events', { expected: 'events ending with response.completed', received: 'no events' });
      const terminals = typed.filter((e) => TERMINAL.has(e.type));
      const lastError = errors.at(-1);
      if (terminals.length === 0) {
        if (lastError && lastError.n === content.at(-1)!.n) return pass('the stream ended with an error event, which clients raise');
        const last = content.at(-1)!;
        const cause = input.exchange.transportError ? `, then ${input.exchange.transportError.kind}` : '';
        return fail('the stream ended without response.completed, response.incomplete or response.failed', {
          expected: 'a terminal event last',
          received: `last event ${show(last.data, 120)}${cause}`,
          pointer: `/events/${last.n}`,
        });
      }
      if (terminals.length > 1) {
        return fail(`${terminals.length} terminal events in one stream`, { expected: 'exactly one', received: terminals.map((t) => t.type).join(', '), pointer: `/events/${terminals[1].n}` });
      }
      const after = content.find((e) => e.n > terminals[0].n);
      if (after) return fail(`events follow ${terminals[0].type}; clients stop reading there and lose them`, { expected: `nothing after ${terminals[0].type}`, received: show(after.data, 120), pointer: `/events/${after.n}` });
      return pass();
    }),
};
