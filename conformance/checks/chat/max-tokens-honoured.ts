// Clients cap cost and latency with max_tokens; an ignored cap means runaway generations.
import type { Check } from '../../types.ts';
import { judgeTokenLimit } from './token-limit.ts';

export const chatMaxTokensHonoured: Check = {
  id: 'chat.max-tokens-honoured',
  capability: 'chat',
  level: 'MUST',
  title: 'max_tokens bounds completion_tokens; hitting it gives finish_reason length',
  spec: 'OpenAPI CreateChatCompletionRequest.max_tokens, finish_reason "length"',
  kind: 'behaviour',
  run: (input) => judgeTokenLimit(input, 'max_tokens'),
};
