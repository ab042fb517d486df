// Strict validators (pydantic models, typed SDKs) reject a completion missing keys the spec
// requires, e.g. `message.refusal` or `choices[].logprobs` (F33).
import type { Check } from '../../types.ts';
import { schemaVerdict, withBody } from './body.ts';

export const chatSchema: Check = {
  id: 'chat.schema',
  capability: 'chat',
  level: 'MUST',
  title: 'Completion matches the CreateChatCompletionResponse schema',
  spec: 'OpenAPI CreateChatCompletionResponse; wire-facts F33',
  kind: 'protocol',
  run: (input) => withBody(input, (body) => schemaVerdict('chat-completion', body, 'the completion')),
};
