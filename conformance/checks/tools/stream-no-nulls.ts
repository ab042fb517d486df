import type { Check } from '../../types.ts';
import { judgeStreamAnomalies } from './stream-anomalies.ts';

export const toolsStreamNoNulls: Check = {
  id: 'tools.stream-no-nulls',
  capability: 'tools',
  level: 'SHOULD',
  kind: 'protocol',
  title: 'No null tool_calls, type or function in tool-call deltas',
  spec: 'OpenAI observed stream (wire-facts §1.4); wire-facts F32',
  run: (input) =>
    judgeStreamAnomalies(input, ['null-field'], (a) => ({
      message: `${a.field} is null instead of absent; schema-checking clients reject the chunk`,
      expected: 'absent keys rather than null',
    })),
};
