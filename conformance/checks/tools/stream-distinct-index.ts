// Each parallel call on its own index: a second call on an index is merged into the first (F03).
import type { Check } from '../../types.ts';
import { show } from '../verdict.ts';
import { judgeStreamAnomalies } from './stream-anomalies.ts';

export const toolsStreamDistinctIndex: Check = {
  id: 'tools.stream-distinct-index',
  capability: 'tools',
  level: 'MUST',
  kind: 'protocol',
  consequence:
    'Every client joins fragments by index, so two calls on one index silently become one call with concatenated arguments (\'{"a":1}{"b":2}\') and names.',
  evidence:
    'openai-python accumulate_delta (src/openai/lib/streaming/_deltas.py); ollama/ollama#15457, vercel/ai#14277 (docs/deviations.md#f03); recording alibaba-qwen:ai:alibaba-tool-call ("id": "" is no second call)',
  title: 'Each parallel tool call streams on its own index',
  spec: 'OpenAI observed stream (one index per call); docs/deviations.md#f03',
  run: (input) =>
    judgeStreamAnomalies(input, ['merged-call'], (a) => ({
      message: `a second call (${a.field} ${show(a.value)}) arrived on index ${a.index} which already holds a call; clients merge them into one call with concatenated arguments`,
      expected: 'a new index for every parallel call',
    })),
};
