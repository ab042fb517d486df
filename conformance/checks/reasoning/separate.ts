// The model's thoughts never reach `content`: clients show content as the answer (S21).
import type { Check } from '../../types.ts';
import { fail, pass, show } from '../verdict.ts';
import { withReasoning } from './signs.ts';

export const reasoningSeparate: Check = {
  id: 'reasoning.separate',
  capability: 'reasoning',
  level: 'MUST',
  title: 'The reasoning is kept out of content (no <think> tags in the answer)',
  spec: 'OpenAPI ChatCompletionResponseMessage.content ("the contents of the message"); docs/deviations.md#s21',
  kind: 'protocol',
  consequence:
    'Silent data corruption: openai-node, openai-python, the AI SDK and LangChain return message.content as the answer, so the user sees the model\'s thoughts, JSON mode and structured output fail to parse, and the thoughts are sent back as history on the next turn.',
  evidence:
    'llama.cpp --reasoning-format none and deepseek-legacy, vLLM without --reasoning-parser, Groq reasoning_format "raw" leave <think> in content (docs/deviations.md#s21); emulator quirk reasoning-think-tags (conformance/test/mutation.test.ts)',
  run: (input) =>
    withReasoning(input, (signs) => {
      if (!signs.thinkTags) return pass();
      const at = signs.content.search(/<think>/i);
      return fail('the answer\'s content holds a <think> block: clients show the thoughts as the answer', {
        expected: 'content without <think>…</think>; the thoughts in reasoning_content or reasoning',
        received: show(signs.content.slice(at, at + 120)),
        pointer: signs.stream ? '/events/*/choices/0/delta/content' : '/choices/0/message/content',
      });
    }),
};
