// The spec says every chunk has the same id; no official client splits a reply when it changes.
import type { Check } from '../../types.ts';
import { withStream } from './parse-stream.ts';
import { judgeStableField } from './stable-field.ts';

export const streamingIdStable: Check = {
  id: 'streaming.id-stable',
  capability: 'streaming',
  level: 'MAY',
  kind: 'protocol',
  consequence:
    'No official client splits a reply on a changed id: openai-node and openai-python keep accumulating into one completion (the final id is the first or the last one seen); only tools that group chunks by id are affected.',
  evidence:
    'openai-node ChatCompletionStream #accumulateChatCompletion (node_modules/openai/src/lib/ChatCompletionStream.ts)',
  title: 'Every chunk has the same id',
  spec: 'OpenAPI CreateChatCompletionStreamResponse.id ("Each chunk has the same ID")',
  run: (input) => withStream(input, (s) => judgeStableField(s, 'id', 'clients that group chunks by id split the reply')),
};
