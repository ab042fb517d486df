// Streamed tool calls end with finish_reason tool_calls, or length when the limit cut them (F05, F06).
import type { Check } from '../../types.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { hasUsage } from '../streaming/parse-stream.ts';
import { finishReasonProblem, toolCallFinishRule } from './finish-rules.ts';
import { withToolCalls } from './tool-calls.ts';

export const toolsStreamFinishReason: Check = {
  id: 'tools.stream-finish-reason',
  capability: 'tools',
  level: 'SHOULD',
  kind: 'protocol',
  consequence:
    'Agents that branch on finish_reason drop streamed calls ("stop", F05) or run a call that max_tokens cut off ("tool_calls" hiding "length", F06); openai-node\'s runTools and the AI SDK decide on the calls themselves.',
  evidence:
    'vllm-project/vllm#53269 (docs/deviations.md#f06); BerriAI/litellm#35663 (docs/deviations.md#f05)',
  title: 'Streamed tool calls end with finish_reason tool_calls (or length when cut off)',
  spec: 'OpenAPI finish_reason enum; OpenAI observed tool_choice table; docs/deviations.md#f05, #f06',
  run: (input) =>
    withToolCalls(input, ({ calls, stream }) => {
      if (!stream) return skip('not a stream (see tools.finish-reason)');
      if (calls.length === 0) return skip('no tool calls were streamed');
      const usage = stream.parsed.chunks.find(({ chunk }) => hasUsage(chunk))?.chunk.usage;
      const rule = toolCallFinishRule(input.request, usage?.completion_tokens);
      for (const choice of new Set(calls.map((c) => c.choice))) {
        const finish = stream.entries.findLast((e) => e.index === choice && e.choice.finish_reason != null);
        // A choice that never finished is streaming.finish-reason's finding.
        if (!finish || rule.accepted.includes(finish.choice.finish_reason)) continue;
        return fail(`the stream ${finishReasonProblem(finish.choice.finish_reason, rule)}`, {
          expected: `${rule.accepted.join(' or ')} (${rule.because})`,
          received: show(finish.choice.finish_reason),
          pointer: `/events/${finish.n}/choices/${finish.i}/finish_reason`,
        });
      }
      return pass();
    }),
};
