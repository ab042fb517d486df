// A non-stream reply with tool calls ends with finish_reason tool_calls (named choice: stop too,
// as OpenAI answers; limit reached: length).
import type { Check } from '../../types.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { isRecord } from '../streaming/parse-stream.ts';
import { finishReasonProblem, toolCallFinishRule } from './finish-rules.ts';
import { withToolCalls } from './tool-calls.ts';

export const toolsFinishReason: Check = {
  id: 'tools.finish-reason',
  capability: 'tools',
  level: 'SHOULD',
  kind: 'protocol',
  consequence:
    'Agents that branch on finish_reason == "tool_calls" drop the calls and end the turn (custom loops, LiteLLM-based agents); openai-node\'s runTools and the AI SDK look at the calls themselves and are not affected.',
  evidence:
    'BerriAI/litellm#35663, ollama/ollama#7963 (docs/deviations.md#f05); vllm-project/vllm#25054 for OpenAI\'s own named-choice "stop" (docs/deviations.md#f07)',
  title: 'A reply with tool calls ends with finish_reason tool_calls',
  spec: 'OpenAPI finish_reason enum; OpenAI observed tool_choice table; docs/deviations.md#f05, #f07',
  run: (input) =>
    withToolCalls(input, ({ calls, stream }) => {
      if (stream) return skip('streams are judged by tools.stream-finish-reason');
      const body = input.exchange.json as Record<string, any>;
      const rule = toolCallFinishRule(input.request, isRecord(body.usage) ? body.usage.completion_tokens : undefined);
      const withCalls = new Set(calls.map((c) => c.choice));
      if (withCalls.size === 0) return skip('no tool calls were returned');
      for (const [c, choice] of (body.choices as unknown[]).entries()) {
        if (!isRecord(choice) || !withCalls.has(Number.isInteger(choice.index) ? choice.index : c)) continue;
        if (rule.accepted.includes(choice.finish_reason)) continue;
        return fail(`the reply ${finishReasonProblem(choice.finish_reason, rule)}`, {
          expected: `${rule.accepted.join(' or ')} (${rule.because})`,
          received: show(choice.finish_reason),
          pointer: `/choices/${c}/finish_reason`,
        });
      }
      return pass();
    }),
};
