// Strict enum parsers throw on values like `abort` or `eos` (F08), and an aborted generation
// reported that way looks like a success to lenient clients.
import type { Check } from '../../types.ts';
import { FINISH_REASONS, choicesOf } from './completion.ts';
import { withBody } from './body.ts';
import { fail, pass, show, skip } from '../verdict.ts';

export const chatFinishReasonEnum: Check = {
  id: 'chat.finish-reason-enum',
  capability: 'chat',
  level: 'MUST',
  title: 'finish_reason is one of stop, length, tool_calls, content_filter, function_call',
  spec: 'OpenAPI CreateChatCompletionResponse.choices[].finish_reason; docs/deviations.md#f08',
  kind: 'protocol',
  consequence:
    'openai-dotnet throws ArgumentOutOfRangeException "Unknown ChatFinishReason value" on a value outside the enum; lenient clients take an aborted generation ("abort") for a finished one.',
  evidence:
    'openai/openai-dotnet#267, vllm-project/vllm#57082 (docs/deviations.md#f08)',
  run: (input) =>
    withBody(input, (body) => {
      const choices = choicesOf(body);
      if (!choices?.length) return skip('the completion has no choices (see chat.schema)');
      for (const [i, choice] of choices.entries()) {
        const reason = choice?.finish_reason;
        if (!FINISH_REASONS.includes(reason)) {
          return fail(`choice ${i} has finish_reason ${show(reason)}, which strict clients reject`, {
            expected: `one of ${FINISH_REASONS.join(', ')}`,
            received: show(reason),
            pointer: `/choices/${i}/finish_reason`,
          });
        }
      }
      return pass();
    }),
};
