// A whole chat completion from the backend: parsed, fixed for its profile, checked by the output
// guard (a structured answer that does not match fails over) and the output deny patterns.
import type { Answer } from '../../core/endpoint.ts';
import { failure, parseAnswer, type Attempt, type Failure } from '../../core/attempt.ts';
import { guardOutput } from '../../guard/output-guard.ts';
import { normalizeCompletion } from '../../normalize/index.ts';
import { applyOutputDeny } from './output-deny.ts';
import { guarded, normalizes } from './policy.ts';
import type { ChatRequest } from './validate.ts';

export function answerChat(a: Attempt<ChatRequest>, text: string): Answer | Failure {
  const parsed = parseAnswer(text);
  if ('kind' in parsed) return parsed;
  let completion: any = parsed.json;
  if (!Array.isArray(completion?.choices)) return failure('malformed', 'the answer had no choices');
  const normalize = normalizes(a);
  if (normalize) {
    completion = normalizeCompletion(completion, { profile: a.profile, request: a.request, repairs: a.repairs, reasoningField: a.ctx.config.reasoning?.field });
  }
  if (guarded(a)) {
    const verdict = guardOutput(a.request, completion.choices[0]?.message?.content ?? null);
    if (!verdict.ok) return failure('guard', `output did not match response_format: ${verdict.reason}`, { unhealthy: false });
  }
  const filtered = applyOutputDeny(completion, a.ctx.denyOutput);
  return { kind: 'answer', text: normalize || filtered ? JSON.stringify(completion) : text, usage: completion.usage ?? undefined };
}
