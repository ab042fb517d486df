// The spec letter beyond what clients need (chat-completion-strict.schema.json): the
// message.refusal and content keys (F33), arrays instead of null, service_tier in its enum. Only
// validators generated from the OpenAPI document reject these, so it is advice, never a failure.
import type { Check } from '../../types.ts';
import { validate } from '../../schemas/validate.ts';
import { schemaVerdict, withBody } from './body.ts';
import { skip } from '../verdict.ts';

export const chatSchemaStrict: Check = {
  id: 'chat.schema-strict',
  capability: 'chat',
  level: 'MAY',
  title: 'Completion has every key the OpenAPI schema requires (spec letter)',
  spec: 'OpenAPI CreateChatCompletionResponse, ChatCompletionResponseMessage; docs/deviations.md#f33',
  kind: 'protocol',
  consequence:
    'No official client fails: openai-python builds the model without validation (a missing refusal reads as None), openai-node returns the parsed JSON, the AI SDK treats refusal as optional. Validators generated from the OpenAPI document (pydantic/FastAPI models, evaluation harnesses) reject the completion.',
  evidence:
    'docs/deviations.md#f33 (JamePeng/llama-cpp-python#113, mlcommons/endpoints#133); @ai-sdk/openai openaiChatResponseSchema has no refusal key; every OpenAI completion in the real-traffic corpus carries message.refusal',
  run: (input) =>
    withBody(input, (body) => {
      if (!validate('chat-completion', body).ok) return skip('the completion already fails chat.schema');
      return schemaVerdict('chat-completion-strict', body, 'the completion');
    }),
};
