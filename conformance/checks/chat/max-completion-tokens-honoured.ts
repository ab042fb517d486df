// Newer SDKs send only max_completion_tokens; Ollama ignores it (F21) and generates thousands of tokens.
import type { Check } from '../../types.ts';
import { judgeTokenLimit } from './token-limit.ts';

export const chatMaxCompletionTokensHonoured: Check = {
  id: 'chat.max-completion-tokens-honoured',
  capability: 'chat',
  level: 'SHOULD',
  title: 'max_completion_tokens bounds completion_tokens; hitting it gives finish_reason length',
  spec: 'OpenAPI CreateChatCompletionRequest.max_completion_tokens; docs/deviations.md#f21',
  kind: 'behaviour',
  consequence:
    'A documented control is lost for every client that sends only max_completion_tokens (current SDK versions do): generations run unbounded (cost, latency, context exhaustion, empty final answers from reasoning models).',
  evidence:
    'ollama/ollama#7125, nextcloud/integration_openai#426 (docs/deviations.md#f21)',
  run: (input) => judgeTokenLimit(input, 'max_completion_tokens'),
};
