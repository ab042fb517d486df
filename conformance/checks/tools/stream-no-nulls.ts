import type { Check } from '../../types.ts';
import { judgeStreamAnomalies } from './stream-anomalies.ts';

export const toolsStreamNoNulls: Check = {
  id: 'tools.stream-no-nulls',
  capability: 'tools',
  level: 'SHOULD',
  kind: 'protocol',
  title: 'No null tool_calls/type/function, and no name after the arguments',
  spec: 'OpenAI observed stream (wire-facts §1.4); wire-facts F32',
  run: (input) =>
    judgeStreamAnomalies(input, ['null-field', 'after-arguments'], (a) => ({
      message:
        a.kind === 'null-field'
          ? `${a.field} is null instead of absent; schema-checking clients reject the chunk`
          : `${a.field} arrives after the arguments of index ${a.index} started; clients reject a call without a name`,
      expected: 'absent keys rather than null; type and name before the arguments',
    })),
};
