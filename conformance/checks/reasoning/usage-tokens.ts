// A reasoning model reports the tokens it spent thinking, as OpenAI does.
import type { Check } from '../../types.ts';
import { fail, pass, skip } from '../verdict.ts';
import { withReasoning } from './signs.ts';

export const reasoningUsageTokens: Check = {
  id: 'reasoning.usage-tokens',
  capability: 'reasoning',
  level: 'MAY',
  title: 'usage.completion_tokens_details.reasoning_tokens counts the thinking',
  spec: 'OpenAPI CompletionUsage.completion_tokens_details.reasoning_tokens',
  kind: 'protocol',
  consequence:
    'Spec letter: nothing breaks, but the AI SDK reports usage.outputTokens.reasoning as undefined and cost dashboards cannot tell thinking from answer tokens.',
  evidence: '@ai-sdk/openai convertOpenAIChatUsage reads completion_tokens_details.reasoning_tokens; Ollama and llama.cpp report no completion_tokens_details',
  run: (input) =>
    withReasoning(input, (signs) => {
      if (signs.stream) return skip('judged on the non-stream answer');
      if (signs.reasoningTokens !== undefined) return pass();
      return fail('the model reasoned but usage has no completion_tokens_details.reasoning_tokens', {
        expected: 'usage.completion_tokens_details.reasoning_tokens',
        received: 'absent',
        pointer: '/usage/completion_tokens_details',
      });
    }),
};
