// Clients that sample several answers read choices[1]; Ollama ignores n and returns one (F37).
import type { Check } from '../../types.ts';
import { withBody } from './body.ts';
import { choicesOf } from './completion.ts';
import { fail, pass, show, skip } from '../verdict.ts';

export const chatNHonoured: Check = {
  id: 'chat.n-honoured',
  capability: 'chat',
  level: 'SHOULD',
  title: 'n=2 gives two choices with indices 0 and 1',
  spec: 'OpenAPI CreateChatCompletionRequest.n; docs/deviations.md#f37',
  kind: 'protocol',
  consequence:
    'A documented feature is lost: a client asking for n samples gets fewer, so code reading choices[1] crashes and sampling-based evaluation silently uses one sample.',
  evidence:
    'Ollama documents n as unsupported; llama.cpp limits it to its slots (docs/deviations.md#f37)',
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
