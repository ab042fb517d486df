// Every streamed tool_calls fragment carries the integer index clients join on (F02).
import type { Check } from '../../types.ts';
import { judgeStreamAnomalies } from './stream-anomalies.ts';

export const toolsStreamIndex: Check = {
  id: 'tools.stream-index',
  capability: 'tools',
  level: 'MUST',
  kind: 'protocol',
  consequence:
    'openai-python\'s stream helper raises RuntimeError "Expected list delta entry to have an index key", openai-node throws "invalid tool call index", the AI SDK rejects the chunk.',
  evidence:
    'openai-python accumulate_delta (src/openai/lib/streaming/_deltas.py); openai-node #accumulateChatCompletion (node_modules/openai/src/lib/ChatCompletionStream.ts); @ai-sdk/openai openaiChatChunkSchema (docs/deviations.md#f02)',
  title: 'Every streamed tool_calls fragment has an integer index',
  spec: 'OpenAPI ChatCompletionMessageToolCallChunk (index required); docs/deviations.md#f02',
  run: (input) =>
    judgeStreamAnomalies(input, ['missing-index'], () => ({
      message: 'a tool_calls fragment has no integer index; openai-python raises and other clients drop the call',
      expected: 'an integer index on every tool_calls fragment',
    })),
};
