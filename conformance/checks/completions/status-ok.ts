// A valid legacy completion request must succeed with JSON. A server without the endpoint (404)
// makes the completions scenarios skip before this runs.
import type { Check } from '../../types.ts';
import { okJsonVerdict } from '../chat/body.ts';

export const completionsStatusOk: Check = {
  id: 'completions.status-ok',
  capability: 'completions',
  level: 'MUST',
  title: 'POST /completions answers 200 with a JSON content type',
  spec: 'OpenAPI createCompletion (200 application/json)',
  kind: 'protocol',
  consequence:
    'openai-node and openai-python raise APIError from completions.create(); the AI SDK\'s completion model (openai.completion(...)) throws an APICallError. Fill-in-the-middle and base-model prompts have no other endpoint.',
  evidence:
    'openai-node APIError.generate (node_modules/openai/src/core/error.ts); @ai-sdk/openai OpenAICompletionLanguageModel (node_modules/@ai-sdk/openai/src/completion/openai-completion-language-model.ts)',
  run({ exchange }) {
    return okJsonVerdict(exchange, 'the completion request', 'clients get an error instead of text');
  },
};
