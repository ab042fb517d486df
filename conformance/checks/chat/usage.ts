// Clients account tokens and bill from `usage`; missing or inconsistent counts break that silently.
import type { Check } from '../../types.ts';
import { isRecord, withBody } from './body.ts';
import { fail, pass, show } from '../verdict.ts';

const FIELDS = ['prompt_tokens', 'completion_tokens', 'total_tokens'] as const;

export const chatUsage: Check = {
  id: 'chat.usage',
  capability: 'chat',
  level: 'SHOULD',
  title: 'usage is present with integer counts and total = prompt + completion',
  spec: 'OpenAPI CompletionUsage',
  kind: 'protocol',
  consequence:
    'Token accounting and cost tracking degrade: the AI SDK and openai-node read usage as optional, so a missing or inconsistent usage silently becomes undefined or wrong counts.',
  evidence:
    '@ai-sdk/openai openaiChatResponseSchema (packages/openai/src/chat/openai-chat-api.ts: usage nullish)',
  run: (input) =>
    withBody(input, (body) => {
      const usage = body.usage;
      if (!isRecord(usage)) {
        return fail('the completion carries no usage object; token accounting gets nothing', {
          expected: 'usage {prompt_tokens, completion_tokens, total_tokens}',
          received: show(usage),
          pointer: '/usage',
        });
      }
      for (const field of FIELDS) {
        if (!Number.isInteger(usage[field]) || usage[field] < 0) {
          return fail(`usage.${field} is not a non-negative integer`, {
            expected: 'a non-negative integer',
            received: show(usage[field]),
            pointer: `/usage/${field}`,
          });
        }
      }
      if (usage.total_tokens !== usage.prompt_tokens + usage.completion_tokens) {
        return fail('usage.total_tokens is not prompt_tokens + completion_tokens', {
          expected: String(usage.prompt_tokens + usage.completion_tokens),
          received: String(usage.total_tokens),
          pointer: '/usage/total_tokens',
        });
      }
      return pass();
    }),
};
