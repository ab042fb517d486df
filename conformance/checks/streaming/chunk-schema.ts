// What a client needs of every chunk (chat-completion-chunk.schema.json): a choices array, each
// choice with an index and a delta whose fields have the right types, and object
// "chat.completion.chunk". The spec letter is streaming.chunk-schema-strict's.
import type { Check } from '../../types.ts';
import { judgeChunks } from './chunk-validation.ts';
import { withStream } from './parse-stream.ts';

export const streamingChunkSchema: Check = {
  id: 'streaming.chunk-schema',
  capability: 'streaming',
  level: 'MUST',
  kind: 'protocol',
  title: 'Every chunk is a chat.completion.chunk as clients parse it',
  spec: 'OpenAPI CreateChatCompletionStreamResponse; docs/deviations.md#f10',
  consequence:
    'The Vercel AI SDK validates every chunk and fails the stream (AI_TypeValidationError) when choices is missing, a choice lacks its integer index, delta.content is not a string or a tool-call fragment lacks its index or function object; openai-python\'s stream helper silently drops chunks whose object is not "chat.completion.chunk", losing their text; user code reading chunk.choices[0] crashes on a chunk without choices.',
  evidence:
    '@ai-sdk/openai openaiChatChunkSchema (packages/openai/src/chat/openai-chat-api.ts); openai-python ChatCompletionStream object filter (docs/deviations.md#clients); recordings mistral:…, moonshot:… in the real-traffic corpus',
  run: (input) =>
    withStream(input, (stream) =>
      judgeChunks(stream, {
        schema: 'chat-completion-chunk',
        impact: 'clients that validate chunks fail the stream',
        expected: 'chunks valid against chat-completion-chunk.schema.json (choices[], index, delta types, object)',
      }),
    ),
};
