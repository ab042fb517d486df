import type { Check } from '../../types.ts';
import { judgeStreamAnomalies } from './stream-anomalies.ts';

export const toolsStreamIdOnce: Check = {
  id: 'tools.stream-id-once',
  capability: 'tools',
  level: 'MUST',
  kind: 'protocol',
  title: 'id, type and function.name on the first fragment of each index; id and name not re-sent',
  spec: 'OpenAI observed stream (wire-facts §1.4); openai-python accumulator (§1.8); wire-facts F04',
  run: (input) =>
    judgeStreamAnomalies(input, ['repeated-field', 'late-field', 'after-arguments'], (a) => ({
      message:
        a.kind === 'repeated-field'
          ? `${a.field} is re-sent on a later fragment of index ${a.index}; openai-python's stream helper concatenates it (e.g. "call_1call_1")`
          : `${a.field} first arrives on a later fragment of index ${a.index}${a.kind === 'after-arguments' ? ', after the arguments started' : ''}; the AI SDK rejects a call whose first fragment lacks it`,
      expected: 'id, type and function.name on the first fragment of each index, and id and name not again (an empty id or a repeated type is harmless)',
    })),
};
