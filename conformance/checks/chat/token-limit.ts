// The rule behind chat.max-tokens-honoured and chat.max-completion-tokens-honoured: no more
// completion tokens than the request allowed, and finish_reason `length` when the limit was hit.
import type { CheckInput, Verdict } from '../../types.ts';
import { withBody } from './body.ts';
import { completionTokens, firstContent, firstFinishReason } from './completion.ts';
import { fail, pass, show, skip } from '../verdict.ts';

export function judgeTokenLimit(input: CheckInput, param: 'max_tokens' | 'max_completion_tokens'): Verdict {
  const limit = input.request?.[param];
  if (!Number.isInteger(limit)) return skip(`the request carried no integer ${param}`);
  // the limit is per choice, usage counts every choice
  const n = Number.isInteger(input.request?.n) && input.request.n > 1 ? (input.request.n as number) : 1;
  const allowed = limit * n;
  const perChoice = n > 1 ? ` (${limit} per choice × n ${n})` : '';
  return withBody(input, (body) => {
    const tokens = completionTokens(body);
    const reason = firstFinishReason(body);
    if (tokens === undefined) return judgeWithoutUsage(body, param, limit, reason);
    if (tokens > allowed) {
      return fail(`${param} ${limit} was not honoured: ${tokens} completion tokens were generated${perChoice}`, {
        expected: `completion_tokens <= ${allowed}${perChoice}`,
        received: `completion_tokens ${tokens}`,
        pointer: '/usage/completion_tokens',
      });
    }
    if (n === 1 && tokens === limit && reason !== 'length') {
      return fail(`generation stopped at the ${param} limit but finish_reason does not say so`, {
        expected: 'finish_reason "length"',
        received: `finish_reason ${show(reason)} with completion_tokens ${tokens}`,
        pointer: '/choices/0/finish_reason',
      });
    }
    return pass();
  });
}

// Without usage, a word count still proves a violation: every word costs at least one token.
function judgeWithoutUsage(body: Record<string, any>, param: string, limit: number, reason: unknown): Verdict {
  const words = (firstContent(body) ?? '').split(/\s+/).filter(Boolean).length;
  if (words > limit) {
    return fail(`${param} ${limit} was not honoured: the reply has ${words} words (no usage reported)`, {
      expected: `at most ${limit} tokens`,
      received: `${words} words`,
      pointer: '/choices/0/message/content',
    });
  }
  if (reason === 'length') return pass('no usage reported; finish_reason "length" shows the limit applied');
  return skip('no usage.completion_tokens and no finish_reason "length": the limit cannot be judged');
}
