// Streamed argument deltas concatenate to the arguments the stream then states as final. One
// delta holding the whole JSON is legal (Ollama, S06).
import type { Check } from '../../types.ts';
import { withResponsesStream } from '../responses/events.ts';
import { streamItems } from '../responses/items.ts';
import { fail, pass, show, skip } from '../verdict.ts';

export const responsesToolsStreamArguments: Check = {
  id: 'responses_tools.stream-arguments',
  capability: 'responses_tools',
  level: 'MUST',
  kind: 'protocol',
  title: 'function_call_arguments deltas concatenate to the .done arguments and the done item',
  spec: 'OpenAPI ResponseFunctionCallArgumentsDeltaEvent, ResponseFunctionCallArgumentsDoneEvent; docs/deviations.md#s06, #s07',
  consequence:
    'openai-node builds arguments from the deltas and then replaces them with the .done value, and the Vercel AI SDK streams tool input from the deltas but runs the tool with the done item\'s arguments: when they differ the app shows one call and runs another',
  evidence: 'openai-node src/internal/responses/response-accumulator.ts (function_call_arguments.delta appends, .done replaces); @ai-sdk/openai tool-input-delta vs tool-call on output_item.done',
  run: (input) =>
    withResponsesStream(input, (stream) => {
      const calls = streamItems(stream).items.filter((i) => i.added.item.type === 'function_call' && i.args.count > 0);
      if (calls.length === 0) return skip('the stream carried no function-call argument deltas');
      for (const call of calls) {
        const stated: [string, unknown, string][] = [
          ['response.function_call_arguments.done arguments', call.args.done?.arguments, call.args.done ? `/events/${call.args.done.n}/arguments` : ''],
          ['response.output_item.done arguments', call.done?.item.arguments, call.done ? `/events/${call.done.n}/item/arguments` : ''],
        ];
        for (const [where, value, pointer] of stated) {
          if (value !== undefined && value !== call.args.deltas) {
            return fail(`the ${where} differ from the ${call.args.count} delta(s) concatenated`, { expected: show(call.args.deltas, 160), received: show(value, 160), pointer });
          }
        }
      }
      return pass();
    }),
};
