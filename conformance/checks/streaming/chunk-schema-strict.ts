// The spec letter for chunks beyond what clients need (chat-completion-chunk-strict.schema.json):
// the finish_reason key on every choice, no nulls in tool-call fragments, service_tier in its
// enum. Only validators generated from the OpenAPI document reject these, so it is advice.
import type { Check } from '../../types.ts';
import { validate } from '../../schemas/validate.ts';
import { judgeChunks } from './chunk-validation.ts';
import { withStream } from './parse-stream.ts';

export const streamingChunkSchemaStrict: Check = {
  id: 'streaming.chunk-schema-strict',
  capability: 'streaming',
  level: 'MAY',
  kind: 'protocol',
  title: 'Every chunk has every key the OpenAPI schema requires (spec letter)',
  spec: 'OpenAPI CreateChatCompletionStreamResponse; docs/deviations.md#spec-letter',
  consequence:
    'No official client fails: openai-python builds chunks without validation, openai-node reads them as plain objects and the AI SDK treats these keys as optional. Validators generated from the OpenAPI document (pydantic, FastAPI, typed gateways) reject the chunk.',
  evidence:
    'openai-node ChatCompletionStream #accumulateChatCompletion (node_modules/openai/src/lib/ChatCompletionStream.ts) defaults a missing finish_reason to null; @ai-sdk/openai openaiChatChunkSchema marks finish_reason nullish; recording alibaba-qwen:ai:alibaba-tool-call (choice without finish_reason)',
  run: (input) =>
    withStream(input, (stream) =>
      judgeChunks(stream, {
        schema: 'chat-completion-chunk-strict',
        impact: 'validators generated from the spec reject them (warning only)',
        expected: 'chunks valid against chat-completion-chunk-strict.schema.json',
        // a chunk that clients cannot parse is streaming.chunk-schema's finding, not advice
        exclude: (e) => !validate('chat-completion-chunk', e.json).ok,
      }),
    ),
};
