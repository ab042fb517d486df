import type { Check } from '../../types.ts';
import { judgeStreamAnomalies } from './stream-anomalies.ts';

export const toolsStreamIdOnce: Check = {
  id: 'tools.stream-id-once',
  capability: 'tools',
  level: 'MUST',
  kind: 'protocol',
  title: 'id, type and function.name once per index, on its first fragment',
  spec: 'OpenAI observed stream (wire-facts §1.4); openai-python accumulator (§1.8); wire-facts F04',
  run: (input) =>
    judgeStreamAnomalies(input, ['repeated-field', 'late-field'], (a) => ({
      message:
        a.kind === 'repeated-field'
          ? `${a.field} is re-sent on a later fragment of index ${a.index}; accumulating clients concatenate it (e.g. "call_1call_1")`
          : `${a.field} first arrives on a later fragment of index ${a.index}, not on its first`,
      expected: 'id, type and function.name only on the first fragment of each index',
    })),
};
