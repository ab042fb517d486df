// Absent keys rather than null in tool-call fragments (F32).
import type { Check } from '../../types.ts';
import { judgeStreamAnomalies } from './stream-anomalies.ts';

export const toolsStreamNoNulls: Check = {
  id: 'tools.stream-no-nulls',
  capability: 'tools',
  level: 'SHOULD',
  kind: 'protocol',
  consequence:
    'Older AI SDK versions reject a fragment with type or tool_calls null ("invalid_literal expected function"); current openai-node, openai-python and AI SDK read null as absent.',
  evidence:
    'vercel/ai#1865, #6041 (docs/deviations.md#f32); @ai-sdk/openai openaiChatChunkSchema (type and tool_calls nullish)',
  title: 'No null tool_calls, type or function in tool-call deltas',
  spec: 'OpenAI observed stream (absent keys, not null); docs/deviations.md#f32',
  run: (input) =>
    judgeStreamAnomalies(input, ['null-field'], (a) => ({
      message: `${a.field} is null instead of absent; schema-checking clients reject the chunk`,
      expected: 'absent keys rather than null',
    })),
};
