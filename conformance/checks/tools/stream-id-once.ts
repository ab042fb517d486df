// id, type and function.name arrive on the first fragment of an index, and id and name not again:
// openai-python concatenates re-sent strings (F04), the AI SDK needs them on the first fragment.
import type { Check } from '../../types.ts';
import { judgeStreamAnomalies } from './stream-anomalies.ts';

export const toolsStreamIdOnce: Check = {
  id: 'tools.stream-id-once',
  capability: 'tools',
  level: 'MUST',
  kind: 'protocol',
  consequence:
    'openai-python\'s stream helper concatenates a re-sent id or name ("call_1call_1", "get_timeget_time"), so the next request carries an unknown tool_call_id; the AI SDK throws "Expected \'function.name\' to be a string" (or id, type) when the first fragment of an index lacks them. An empty id or a repeated type is harmless: both clients skip or replace it.',
  evidence:
    'openai-python accumulate_delta (src/openai/lib/streaming/_deltas.py); @ai-sdk/openai OpenAIChatLanguageModel.doStream (packages/openai/src/chat/openai-chat-language-model.ts); BerriAI/litellm#8990 (docs/deviations.md#f04)',
  title: 'id, type and function.name on the first fragment of each index; id and name not re-sent',
  spec: 'OpenAI observed stream (id, type and name on the first fragment); docs/deviations.md#f04, #f32',
  run: (input) =>
    judgeStreamAnomalies(input, ['repeated-field', 'late-field', 'after-arguments'], (a) => ({
      message:
        a.kind === 'repeated-field'
          ? `${a.field} is re-sent on a later fragment of index ${a.index}; openai-python's stream helper concatenates it (e.g. "call_1call_1")`
          : `${a.field} first arrives on a later fragment of index ${a.index}${a.kind === 'after-arguments' ? ', after the arguments started' : ''}; the AI SDK rejects a call whose first fragment lacks it`,
      expected: 'id, type and function.name on the first fragment of each index, and id and name not again (an empty id or a repeated type is harmless)',
    })),
};
