import type { Check } from '../../types.ts';
import { withStream } from './parse-stream.ts';
import { judgeStableField } from './stable-field.ts';

export const streamingCreatedStable: Check = {
  id: 'streaming.created-stable',
  capability: 'streaming',
  level: 'MUST',
  kind: 'protocol',
  title: 'Every chunk has the same created timestamp',
  spec: 'OpenAPI CreateChatCompletionStreamResponse.created ("Each chunk has the same timestamp"); wire-facts F35',
  run: (input) =>
    withStream(input, (s) => judgeStableField(s, 'created', 'clients that key chunks by (id, created) split the reply')),
};
