// What the translation of one attempt's answer needs besides the answer (responses/
// answer-context.ts): a new response id, the backend's model name (as chat answers carry it),
// the client's request to echo, the chat request sent and the backend's reasoning style; the ids
// given to a Responses backend's answers; and the Response's usage as the core counts tokens.
import type { Attempt } from '../../core/attempt.ts';
import type { Usage } from '../../observe/metrics.ts';
import type { AnswerContext } from '../../responses/answer-context.ts';
import { randomId, type NewId } from '../../responses/ids.ts';
import type { Json } from '../../responses/types.ts';
import type { QuirkProfile } from '../../types.ts';
import type { ResponsesRequest } from './request.ts';
import { translationOf } from './translation.ts';

export function answerContext(a: Attempt<ResponsesRequest>, chatRequest: Json): AnswerContext {
  return {
    head: { id: randomId('resp'), createdAt: Math.floor(Date.now() / 1000), model: a.candidate.model, request: a.request },
    chatRequest,
    newId: randomId,
    reasoning: translationOf(a.candidate.backend).reasoningStyle,
  };
}

/**
 * The proxy's own ids for a Responses backend's answers: the store keys on them, and Ollama's
 * resp_<n>/msg_<n> collide across restarts and backends. OpenAI's are unique already, and its
 * answers pass byte for byte.
 */
export function proxyIds(profile: QuirkProfile): NewId | undefined {
  return profile === 'openai' ? undefined : randomId;
}

export function usageOf(response: Json | undefined): Usage | undefined {
  const u = response?.usage;
  if (u === null || typeof u !== 'object') return undefined;
  return { prompt_tokens: integerOr0(u.input_tokens), completion_tokens: integerOr0(u.output_tokens) };
}

const integerOr0 = (v: unknown) => (Number.isInteger(v) ? (v as number) : 0);
