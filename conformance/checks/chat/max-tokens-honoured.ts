// Clients cap cost and latency with max_tokens; an ignored cap means runaway generations.
import type { Check } from '../../types.ts';
import { judgeTokenLimit } from './token-limit.ts';

export const chatMaxTokensHonoured: Check = {
  id: 'chat.max-tokens-honoured',
  capability: 'chat',
  level: 'SHOULD',
  title: 'max_tokens bounds completion_tokens; hitting it gives finish_reason length',
  spec: 'OpenAPI CreateChatCompletionRequest.max_tokens, finish_reason "length"',
  kind: 'behaviour',
  consequence:
    'A documented control is lost: the client cannot bound cost, latency or context use; a reply cut at the limit but reported as "stop" looks complete.',
  evidence:
    'OpenAPI CreateChatCompletionRequest.max_tokens; emulator quirk max-tokens-ignored (conformance/test/mutation.test.ts)',
  run: (input) => judgeTokenLimit(input, 'max_tokens'),
};
