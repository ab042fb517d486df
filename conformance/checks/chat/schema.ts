// What a client needs of a non-streamed completion (chat-completion.schema.json): choices with an
// index and a message whose content, tool calls and annotations have the types clients parse.
// Keys only the spec letter requires (message.refusal, F33) are chat.schema-strict's.
import type { Check } from '../../types.ts';
import { schemaVerdict, withBody } from './body.ts';

export const chatSchema: Check = {
  id: 'chat.schema',
  capability: 'chat',
  level: 'MUST',
  title: 'Completion is a chat.completion as clients parse it',
  spec: 'OpenAPI CreateChatCompletionResponse; docs/deviations.md#openai-traffic',
  kind: 'protocol',
  consequence:
    'The Vercel AI SDK validates the body and throws (AI_TypeValidationError) when choices is not an array, a choice lacks its integer index or message, content is not a string or null, a tool call lacks type "function" or string name/arguments, or an annotation is not a url_citation; code using openai-node or openai-python reads choices[0].message.content and crashes or gets the wrong type.',
  evidence:
    '@ai-sdk/openai openaiChatResponseSchema (packages/openai/src/chat/openai-chat-api.ts); OpenAI itself sends system_fingerprint null and omits choices[].logprobs (recordings openai:pydantic-ai:*, docs/deviations.md#openai-traffic), so neither is required',
  run: (input) => withBody(input, (body) => schemaVerdict('chat-completion', body, 'the completion')),
};
