// A completion reports the tokens it used.
import type { Check } from '../../types.ts';
import { isRecord, withBody } from '../chat/body.ts';
import { fail, pass, show } from '../verdict.ts';

export const completionsUsage: Check = {
  id: 'completions.usage',
  capability: 'completions',
  level: 'SHOULD',
  title: 'usage reports prompt, completion and total tokens',
  spec: 'OpenAPI CreateCompletionResponse.usage (CompletionUsage)',
  kind: 'protocol',
  consequence: 'Cost tracking degrades: the AI SDK reports undefined input and output tokens, and token budgets count nothing.',
  evidence: '@ai-sdk/openai convertOpenAICompletionUsage (node_modules/@ai-sdk/openai/src/completion/convert-openai-completion-usage.ts)',
  run: (input) =>
    withBody(input, (body) => {
      if (!isRecord(body.usage)) return fail('the completion reports no usage', { expected: 'usage with prompt_tokens, completion_tokens, total_tokens', received: show(body.usage), pointer: '/usage' });
      for (const key of ['prompt_tokens', 'completion_tokens', 'total_tokens']) {
        if (!Number.isInteger(body.usage[key]) || body.usage[key] < 0) {
          return fail(`usage.${key} is not a non-negative integer`, { expected: 'an integer >= 0', received: show(body.usage[key]), pointer: `/usage/${key}` });
        }
      }
      return pass();
    }),
};
