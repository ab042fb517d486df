// The spec says every chunk has the same created; no official client splits a reply when it changes (F35).
import type { Check } from '../../types.ts';
import { withStream } from './parse-stream.ts';
import { judgeStableField } from './stable-field.ts';

export const streamingCreatedStable: Check = {
  id: 'streaming.created-stable',
  capability: 'streaming',
  level: 'MAY',
  kind: 'protocol',
  consequence:
    'No official client reads created per chunk: openai-node and openai-python keep one completion whatever created says; only tools that key chunks by (id, created) split the reply.',
  evidence:
    'openai-node ChatCompletionStream #accumulateChatCompletion (node_modules/openai/src/lib/ChatCompletionStream.ts); recordings groq:pydantic-ai:test_groq_model_thinking_part_iter#0, xai:ai:xai-text (docs/deviations.md#f35)',
  title: 'Every chunk has the same created timestamp',
  spec: 'OpenAPI CreateChatCompletionStreamResponse.created ("Each chunk has the same timestamp"); docs/deviations.md#f35',
  run: (input) =>
    withStream(input, (s) => judgeStableField(s, 'created', 'clients that key chunks by (id, created) split the reply')),
};
