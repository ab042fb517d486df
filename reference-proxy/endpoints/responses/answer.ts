// A whole Responses answer: a chat completion translated into a Response (normalised for the
// backend's profile first, and held to the requested JSON format by the output guard), or a
// Responses backend's own answer repaired and given the proxy's ids. Either way the output deny
// patterns apply, the usage counts as the Response reports it, and the response is stored once
// it was sent.
import { failure, parseAnswer, type Attempt, type Failure } from '../../core/attempt.ts';
import type { Answer } from '../../core/endpoint.ts';
import { ProxyError } from '../../errors.ts';
import { guardOutput } from '../../guard/output-guard.ts';
import { outputCheck } from './output-check.ts';
import { needsNormalization, normalizeCompletion } from '../../normalize/index.ts';
import { fromChatCompletion } from '../../responses/from-chat-completion.ts';
import { repairResponseBody } from '../../responses/repair-body.ts';
import type { Json } from '../../responses/types.ts';
import { denyResponseOutput } from './deny-output.ts';
import { answerContext, proxyIds, usageOf } from './answer-context.ts';
import { preparedOf, type ResponsesRequest } from './request.ts';
import { keep, withPrevious } from './store-for.ts';
import { chatRequestFor } from './translation.ts';

export function answerResponses(a: Attempt<ResponsesRequest>, text: string): Answer | Failure {
  const parsed = parseAnswer(text);
  if ('kind' in parsed) return parsed;
  const body: Json = parsed.json;
  const made = a.via === 'native' ? repaired(a, body) : translated(a, body);
  if (made.kind === 'failed') return made;
  const response = denyResponseOutput(made.response, a.ctx.denyOutput);
  const { conversation } = preparedOf(a.request);
  return { kind: 'answer', text: JSON.stringify(response), usage: usageOf(response), before: () => keep(a.ctx, a.request, conversation, response) };
}

type Made = { kind: 'made'; response: Json } | Failure;

function translated(a: Attempt<ResponsesRequest>, body: Json): Made {
  if (!Array.isArray(body?.choices)) return failure('malformed', 'the answer had no choices');
  const chat = chatRequestFor(a.request, a.candidate.backend);
  const completion = needsNormalization(a.profile) ? normalizeCompletion(body, { profile: a.profile, request: chat, repairs: a.repairs }) : body;
  if (a.ctx.config.guard.enabled) {
    const verdict = guardOutput(chat, completion.choices[0]?.message?.content ?? null);
    if (!verdict.ok) return failure('guard', `output did not match text.format: ${verdict.reason}`, { unhealthy: false });
  }
  try {
    return { kind: 'made', response: fromChatCompletion(completion, answerContext(a, chat)) };
  } catch (error) {
    if (!(error instanceof ProxyError)) throw error;
    return failure('malformed', 'the answer had no choice with a message');
  }
}

function repaired(a: Attempt<ResponsesRequest>, body: Json): Made {
  if (body === null || typeof body !== 'object' || !Array.isArray(body.output)) return failure('malformed', 'the answer was not a Response object');
  const verdict = body.status === 'completed' ? outputCheck(a, false)?.(body) : undefined;
  if (verdict && !verdict.ok) return failure('guard', `output did not match text.format: ${verdict.reason}`, { unhealthy: false });
  return { kind: 'made', response: withPrevious(repairResponseBody(body, a.request, { repairs: a.repairs, newId: proxyIds(a.profile) }), a.request) };
}
