// What turning a chat answer into a Response needs besides the answer: the response's head (id,
// time, model, the client's request), the chat request that was sent (for usage estimates), an id
// source, the reasoning style and a clock.
import type { NewId } from './ids.ts';
import type { ReasoningStyle } from './output-items.ts';
import type { ResponseHead } from './response-object.ts';
import type { Json } from './types.ts';

export interface AnswerContext {
  head: ResponseHead;
  /** the chat request sent to the backend (toChatRequest) */
  chatRequest: Json;
  newId: NewId;
  reasoning: ReasoningStyle;
  /** epoch ms; Date.now by default */
  now?: () => number;
}

/** The Responses status of a chat finish_reason: cut answers are incomplete, and say why. */
export function statusOf(finishReason: unknown): { status: 'completed' | 'incomplete'; reason?: 'max_output_tokens' | 'content_filter' } {
  if (finishReason === 'length') return { status: 'incomplete', reason: 'max_output_tokens' };
  if (finishReason === 'content_filter') return { status: 'incomplete', reason: 'content_filter' };
  return { status: 'completed' };
}

/**
 * The status of an answer whose finish_reason says it finished, but whose reported output reached
 * max_output_tokens: cut (F13: a backend that sends no finish_reason gets "stop" from the chat
 * normaliser), as the pass-through infers it (S08). An estimated usage decides nothing.
 */
export function statusAtBudget(finishReason: unknown, chatUsage: unknown, outputTokens: number, request: Json): ReturnType<typeof statusOf> {
  const status = statusOf(finishReason);
  const reported = Number.isInteger((chatUsage as Json | null | undefined)?.completion_tokens);
  const budget = request.max_output_tokens;
  if (status.status === 'completed' && reported && Number.isInteger(budget) && outputTokens >= budget) return { status: 'incomplete', reason: 'max_output_tokens' };
  return status;
}

export const seconds = (ms: number) => Math.floor(ms / 1000);
