// Clients that sample several answers read choices[1]; Ollama ignores n and returns one (F37).
import type { Check } from '../../types.ts';
import { withBody } from './body.ts';
import { choicesOf } from './completion.ts';
import { fail, pass, show, skip } from '../verdict.ts';

export const chatNHonoured: Check = {
  id: 'chat.n-honoured',
  capability: 'chat',
  level: 'MUST',
  title: 'n=2 gives two choices with indices 0 and 1',
  spec: 'OpenAPI CreateChatCompletionRequest.n; wire-facts F37',
  kind: 'protocol',
  run(input) {
    const n = input.request?.n;
    if (!Number.isInteger(n) || n < 1) return skip('the request carried no integer n');
    return withBody(input, (body) => {
      const choices = choicesOf(body) ?? [];
      const indices = choices.map((c) => c?.index);
      const wanted = Array.from({ length: n }, (_, i) => i);
      const seen = new Set(indices);
      if (choices.length === n && wanted.every((i) => seen.has(i))) return pass();
      return fail(`n=${n} was not honoured: ${choices.length} choice(s) came back`, {
        expected: `${n} choices with indices ${show(wanted)}`,
        received: `${choices.length} choice(s) with indices ${show(indices)}`,
        pointer: '/choices',
      });
    });
  },
};
