import type { Check } from '../../types.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { isRecord } from '../streaming/parse-stream.ts';
import { finishReasonProblem, toolCallFinishRule } from './finish-rules.ts';
import { withToolCalls } from './tool-calls.ts';

export const toolsFinishReason: Check = {
  id: 'tools.finish-reason',
  capability: 'tools',
  level: 'MUST',
  kind: 'protocol',
  title: 'A reply with tool calls ends with finish_reason tool_calls',
  spec: 'OpenAPI finish_reason enum; OpenAI observed tool_choice table (wire-facts §1.4); wire-facts F05, F07',
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
