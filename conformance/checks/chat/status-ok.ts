// A plain chat completion must succeed with JSON; everything else in the suite builds on it.
import type { Check } from '../../types.ts';
import { okJsonVerdict } from './body.ts';

export const chatStatusOk: Check = {
  id: 'chat.status-ok',
  capability: 'chat',
  level: 'MUST',
  title: 'POST /chat/completions answers 200 with a JSON content type',
  spec: 'OpenAPI createChatCompletion (200 application/json)',
  kind: 'protocol',
  consequence:
    'openai-node and openai-python raise APIError (BadRequestError, InternalServerError, …) for a valid plain request answered non-2xx; with a non-JSON content type openai-node hands back the body as a string, so completion.choices is undefined and the caller crashes.',
  evidence:
    'openai-node APIError.generate (node_modules/openai/src/core/error.ts) and defaultParseResponse (node_modules/openai/src/internal/parse.ts)',
  run({ exchange }) {
    return okJsonVerdict(exchange, 'the chat completion', 'clients get an error instead of a completion');
  },
};
