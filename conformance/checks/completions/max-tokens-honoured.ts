// max_tokens caps a legacy completion; reaching it is reported as finish_reason "length".
import type { Check } from '../../types.ts';
import { withBody } from '../chat/body.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { completionTokensOf, firstChoice } from './text.ts';

export const completionsMaxTokensHonoured: Check = {
  id: 'completions.max-tokens-honoured',
  capability: 'completions',
  level: 'SHOULD',
  title: 'max_tokens bounds completion_tokens; hitting it gives finish_reason length',
  spec: 'OpenAPI CreateCompletionRequest.max_tokens, finish_reason "length"',
  kind: 'behaviour',
  consequence:
    'A documented control is lost: the client cannot bound cost, latency or context use; a text cut at the limit but reported as "stop" looks complete.',
  evidence: 'OpenAPI CreateCompletionRequest.max_tokens; emulator quirk completions-max-tokens-ignored (conformance/test/mutation.test.ts)',
  run: (input) => {
    const limit = input.request?.max_tokens;
    if (!Number.isInteger(limit)) return skip('the request carried no integer max_tokens');
    return withBody(input, (body) => {
      const choice = firstChoice(body);
      if (!choice) return skip('no choice to judge (see completions.schema)');
      const tokens = completionTokensOf(body);
      const words = typeof choice.text === 'string' ? choice.text.split(/\s+/).filter(Boolean).length : 0;
      const used = tokens ?? words;
      if (used > limit) {
        return fail(`max_tokens ${limit} was not honoured: ${used} ${tokens === undefined ? 'words' : 'completion tokens'}`, {
          expected: `at most ${limit} tokens`,
          received: tokens === undefined ? `${words} words` : `completion_tokens ${tokens}`,
          pointer: tokens === undefined ? '/choices/0/text' : '/usage/completion_tokens',
        });
      }
      if (tokens === limit && choice.finish_reason !== 'length') {
        return fail('generation stopped at max_tokens but finish_reason does not say so', {
          expected: 'finish_reason "length"',
          received: `finish_reason ${show(choice.finish_reason)}`,
          pointer: '/choices/0/finish_reason',
        });
      }
      return pass();
    });
  },
};
