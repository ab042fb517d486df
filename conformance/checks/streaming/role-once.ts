import type { Check } from '../../types.ts';
import { fail, pass, show } from '../verdict.ts';
import { choicesOf, withStream } from './parse-stream.ts';

export const streamingRoleOnce: Check = {
  id: 'streaming.role-once',
  capability: 'streaming',
  level: 'MUST',
  kind: 'protocol',
  title: 'delta.role "assistant" only on the first delta of each choice',
  spec: 'OpenAI observed stream (wire-facts §1.4); wire-facts F01',
  run: (input) =>
    withStream(input, (stream) => {
      const seen = new Set<number>();
      for (const { n, i, index, delta } of choicesOf(stream)) {
        const first = !seen.has(index);
        seen.add(index);
        if (delta.role === undefined || delta.role === null) continue;
        const pointer = `/events/${n}/choices/${i}/delta/role`;
        if (!first) {
          return fail(`delta.role is sent again on a later delta of choice ${index}; accumulating clients build "assistantassistant"`, {
            expected: 'role only on the first delta of the choice',
            received: `role ${show(delta.role)} repeated`,
            pointer,
          });
        }
        if (delta.role !== 'assistant') {
          return fail(`the first delta of choice ${index} has role ${show(delta.role)}`, {
            expected: 'role "assistant"',
            received: show(delta.role),
            pointer,
          });
        }
      }
      return pass();
    }),
};
