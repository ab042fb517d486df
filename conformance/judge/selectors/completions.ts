// POST /completions (legacy): the body or stream checks, usage, and the behaviour checks the
// request allows (max_tokens, stop; stop only on a text not cut by the limit). Listed after the
// chat selector: its path also ends in /completions.
import { completionsBodyChecks, completionsStreamChecks } from '../../checks/completions/index.ts';
import { completionsMaxTokensHonoured } from '../../checks/completions/max-tokens-honoured.ts';
import { completionsStopHonoured } from '../../checks/completions/stop-honoured.ts';
import { completionsStreamUsage } from '../../checks/completions/stream-usage.ts';
import { completionsUsage } from '../../checks/completions/usage.ts';
import { bodyJson, isRecord } from '../../checks/chat/body.ts';
import type { Selector } from '../selector.ts';
import { ERROR_ANSWER_CHECKS, isErrorAnswer, needingRequest } from '../selection-kit.ts';

export const completionsSelector: Selector = {
  endpoint: 'POST /completions',
  method: 'POST',
  path: /\/completions$/,
  select(view) {
    if (isErrorAnswer(view)) return ERROR_ANSWER_CHECKS;
    if (view.stream) {
      // usage is compared with the request's include_usage, which only a kept request tells
      const shape = completionsStreamChecks.filter((c) => c !== completionsStreamUsage);
      return [...shape, ...needingRequest(view, [completionsStreamUsage])];
    }
    const r = isRecord(view.request) ? view.request : {};
    const body = bodyJson(view.exchange);
    const cut = isRecord(body) && Array.isArray(body.choices) && body.choices.some((c: unknown) => isRecord(c) && c.finish_reason === 'length');
    const out = [...completionsBodyChecks, completionsUsage];
    if (Number.isInteger(r.max_tokens)) out.push(completionsMaxTokensHonoured);
    if (r.stop !== undefined && r.stop !== null && !cut) out.push(completionsStopHonoured);
    return out;
  },
};
