// A model declared to reason shows that it did: text in a field, or the count in usage.
import type { Check } from '../../types.ts';
import { fail, pass, skip } from '../verdict.ts';
import { reasoned, withReasoning } from './signs.ts';

export const reasoningPresent: Check = {
  id: 'reasoning.present',
  capability: 'reasoning',
  level: 'SHOULD',
  title: 'A model declared to reason shows it: a reasoning field, or reasoning_tokens in usage',
  spec: 'OpenAPI CompletionUsage.completion_tokens_details.reasoning_tokens; docs/deviations.md#s20',
  kind: 'protocol',
  consequence:
    'The reasoning is dropped on the way: clients that show thinking (AI SDK reasoning parts) show nothing and token accounting cannot see it, although the model spent the time and tokens.',
  evidence: 'vLLM without --reasoning-parser and LM Studio with "separate reasoning" off route thoughts elsewhere (docs/deviations.md#s20, #s21)',
  run: (input) => {
    if (input.declared?.reasoning !== true) return skip('the target does not declare a reasoning model (reasoning: true); its answers are judged only when they show reasoning');
    return withReasoning(input, (signs) =>
      reasoned(signs)
        ? pass()
        : fail('the model is declared to reason but the answer shows no reasoning: no reasoning field, no <think> tags, no reasoning_tokens', {
            expected: 'reasoning_content or reasoning, or usage.completion_tokens_details.reasoning_tokens > 0',
            received: 'none of them',
          }),
    );
  },
};
