import type { Check } from '../../types.ts';
import { show } from '../verdict.ts';
import { judgeStreamAnomalies } from './stream-anomalies.ts';

export const toolsStreamDistinctIndex: Check = {
  id: 'tools.stream-distinct-index',
  capability: 'tools',
  level: 'MUST',
  kind: 'protocol',
  title: 'Each parallel tool call streams on its own index',
  spec: 'OpenAI observed stream (wire-facts §1.4); wire-facts F03',
  run: (input) =>
    judgeStreamAnomalies(input, ['merged-call'], (a) => ({
      message: `a second call (${a.field} ${show(a.value)}) arrived on index ${a.index} which already holds a call; clients merge them into one call with concatenated arguments`,
      expected: 'a new index for every parallel call',
    })),
};
