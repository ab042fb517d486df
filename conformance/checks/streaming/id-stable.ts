import type { Check } from '../../types.ts';
import { withStream } from './parse-stream.ts';
import { judgeStableField } from './stable-field.ts';

export const streamingIdStable: Check = {
  id: 'streaming.id-stable',
  capability: 'streaming',
  level: 'MUST',
  kind: 'protocol',
  title: 'Every chunk has the same id',
  spec: 'OpenAPI CreateChatCompletionStreamResponse.id ("Each chunk has the same ID")',
  run: (input) => withStream(input, (s) => judgeStableField(s, 'id', 'clients that group chunks by id split the reply')),
};
