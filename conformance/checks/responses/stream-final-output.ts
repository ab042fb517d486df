// The terminal event's response lists the items that were streamed, in order and with the same
// identities and arguments: it is what the SDKs hand back as the final response.
import type { Check } from '../../types.ts';
import { isRecord } from '../streaming/parse-stream.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { finalResponse, withResponsesStream } from './events.ts';
import { streamItems } from './items.ts';

export const responsesStreamFinalOutput: Check = {
  id: 'responses.stream-final-output',
  capability: 'responses',
  level: 'MUST',
  kind: 'protocol',
  title: 'The terminal response lists every streamed item, with the same ids and arguments',
  spec: 'OpenAPI ResponseCompletedEvent (response.output); docs/deviations.md#responses-clients',
  consequence:
    'openai-node\'s finalResponse() and openai-python\'s get_final_response() return the terminal event\'s response, so items missing from it are lost (an empty output gives output_text ""), and openai-node throws "Cannot complete response with unfinished output items" when an unfinished item is absent',
  evidence: 'openai-node src/lib/responses/ResponseStream.ts #assertComplete, #prepareEvent; openai-python lib/streaming/responses/_responses.py',
  run: (input) =>
    withResponsesStream(input, (stream) => {
      const final = finalResponse(stream);
      if (!final) return skip('no terminal response (see responses.stream-terminal)');
      const { items } = streamItems(stream);
      if (items.length === 0) return skip('the stream carried no output items');
      const output: unknown[] = Array.isArray(final.response.output) ? final.response.output : [];
      const at = `/events/${final.n}/response/output`;
      const ordered = [...items].sort((a, b) => a.outputIndex - b.outputIndex);
      if (output.length !== ordered.length) {
        return fail(`the ${final.type} response lists ${output.length} output item(s), but ${ordered.length} were streamed`, {
          expected: show(ordered.map((i) => `${i.added.item.type} ${i.added.item.id}`)),
          received: show(output.map((o) => (isRecord(o) ? `${o.type} ${o.id}` : o))),
          pointer: at,
        });
      }
      for (const [i, item] of ordered.entries()) {
        const got = output[i];
        const want = item.done?.item ?? item.added.item;
        if (!isRecord(got) || got.type !== want.type || got.id !== want.id) {
          return fail(`output[${i}] of the ${final.type} response is not the streamed ${want.type} ${show(want.id)}`, { expected: `${want.type} ${show(want.id)}`, received: show(got, 160), pointer: `${at}/${i}` });
        }
        if (want.type === 'function_call' && item.done && got.arguments !== want.arguments) {
          return fail(`the arguments of ${show(want.id)} in the ${final.type} response differ from the streamed ones`, { expected: show(want.arguments), received: show(got.arguments), pointer: `${at}/${i}/arguments` });
        }
      }
      return pass();
    }),
};
