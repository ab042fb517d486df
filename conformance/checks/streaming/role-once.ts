// Role "assistant" once per choice. openai-python's stream helper concatenates a re-sent role
// ("assistantassistant", F01) and openai-node's throws "missing role" when no delta carries one.
import type { Check, Verdict } from '../../types.ts';
import { fail, pass, show } from '../verdict.ts';
import { choicesOf, withStream, type StreamChoice } from './parse-stream.ts';

export const streamingRoleOnce: Check = {
  id: 'streaming.role-once',
  capability: 'streaming',
  level: 'MUST',
  kind: 'protocol',
  title: 'delta.role "assistant" sent exactly once per choice',
  spec: 'OpenAI observed stream (role on the first delta only); docs/deviations.md#f01',
  consequence:
    'openai-python\'s stream helper (client.chat.completions.stream) concatenates string fields, so a role sent again becomes "assistantassistant…" in the final message and a conversation that replays it is rejected; openai-node\'s ChatCompletionStream throws "missing role for choice N" when no delta carries a role.',
  evidence:
    'openai-python accumulate_delta (src/openai/lib/streaming/_deltas.py, docs/deviations.md#clients), pydantic/logfire#545, ollama/ollama#7626; openai-node finalizeChatCompletion (node_modules/openai/src/lib/ChatCompletionStream.ts)',
  run: (input) =>
    withStream(input, (stream) => {
      const byChoice = new Map<number, StreamChoice[]>();
      for (const e of choicesOf(stream)) byChoice.set(e.index, [...(byChoice.get(e.index) ?? []), e]);
      for (const [index, entries] of byChoice) {
        const verdict = judgeChoice(index, entries);
        if (verdict) return verdict;
      }
      return pass();
    }),
};

function judgeChoice(index: number, entries: StreamChoice[]): Verdict | undefined {
  const withRole = entries.filter((e) => e.delta.role !== undefined && e.delta.role !== null);
  if (withRole.length === 0) {
    const first = entries[0];
    return fail(`no delta of choice ${index} carries a role; openai-node's stream helper throws "missing role"`, {
      expected: 'role "assistant" on the first delta of the choice',
      received: `no role on ${entries.length} delta(s)`,
      pointer: `/events/${first.n}/choices/${first.i}/delta`,
    });
  }
  const [first, again] = withRole;
  if (first.delta.role !== 'assistant') {
    return fail(`the role of choice ${index} is ${show(first.delta.role)}`, {
      expected: 'role "assistant"',
      received: show(first.delta.role),
      pointer: `/events/${first.n}/choices/${first.i}/delta/role`,
    });
  }
  if (again) {
    return fail(`delta.role is sent again on a later delta of choice ${index}; accumulating clients build "assistantassistant"`, {
      expected: 'role only on the first delta of the choice',
      received: `role ${show(again.delta.role)} on ${withRole.length} deltas`,
      pointer: `/events/${again.n}/choices/${again.i}/delta/role`,
    });
  }
  return undefined;
}
