import type { Check } from '../../types.ts';
import { judgeStreamAnomalies } from './stream-anomalies.ts';

export const toolsStreamIndex: Check = {
  id: 'tools.stream-index',
  capability: 'tools',
  level: 'MUST',
  kind: 'protocol',
  title: 'Every streamed tool_calls fragment has an integer index',
  spec: 'OpenAPI ChatCompletionMessageToolCallChunk (index required); wire-facts F02',
  run: (input) =>
    judgeStreamAnomalies(input, ['missing-index'], () => ({
      message: 'a tool_calls fragment has no integer index; openai-python raises and other clients drop the call',
      expected: 'an integer index on every tool_calls fragment',
    })),
};
