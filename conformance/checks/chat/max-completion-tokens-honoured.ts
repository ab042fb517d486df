// Newer SDKs send only max_completion_tokens; Ollama ignores it (F21) and generates thousands of tokens.
import type { Check } from '../../types.ts';
import { judgeTokenLimit } from './token-limit.ts';

export const chatMaxCompletionTokensHonoured: Check = {
  id: 'chat.max-completion-tokens-honoured',
  capability: 'chat',
  level: 'MUST',
  title: 'max_completion_tokens bounds completion_tokens; hitting it gives finish_reason length',
  spec: 'OpenAPI CreateChatCompletionRequest.max_completion_tokens; wire-facts F21',
  kind: 'behaviour',
  run: (input) => judgeTokenLimit(input, 'max_completion_tokens'),
};
