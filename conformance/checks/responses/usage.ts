// A finished response reports what it cost: input, output and total tokens, consistent.
import type { Check } from '../../types.ts';
import { isRecord } from '../streaming/parse-stream.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { withFinalResponse } from './final-response.ts';

const FINISHED = ['completed', 'incomplete'];

export const responsesUsage: Check = {
  id: 'responses.usage',
  capability: 'responses',
  level: 'SHOULD',
  kind: 'protocol',
  title: 'A finished response reports input_tokens, output_tokens and total_tokens',
  spec: 'OpenAPI ResponseUsage',
  consequence:
    'the Vercel AI SDK reports usage as undefined/NaN and apps lose token accounting and cost tracking; openai-node exposes response.usage as null',
  evidence: '@ai-sdk/openai src/responses/convert-openai-responses-usage.ts (reads usage.input_tokens / output_tokens)',
  run: (input) =>
    withFinalResponse(input, ({ response, at }) => {
      if (!FINISHED.includes(response.status)) return skip(`status ${show(response.status)}: usage is only due on a finished response`);
      const u = response.usage;
      if (!isRecord(u)) return fail('the finished response carries no usage', { expected: 'usage {input_tokens, output_tokens, total_tokens}', received: show(u), pointer: `${at}/usage` });
      const bad = ['input_tokens', 'output_tokens', 'total_tokens'].find((k) => !Number.isInteger(u[k]) || u[k] < 0);
      if (bad) return fail(`usage.${bad} is not a non-negative integer`, { expected: `usage.${bad}: integer`, received: show(u), pointer: `${at}/usage/${bad}` });
      if (u.total_tokens !== u.input_tokens + u.output_tokens) {
        return fail('usage.total_tokens is not input_tokens + output_tokens', {
          expected: `${u.input_tokens + u.output_tokens}`,
          received: `${u.total_tokens}`,
          pointer: `${at}/usage/total_tokens`,
        });
      }
      return pass();
    }),
};
