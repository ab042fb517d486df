// Reading the parts of a (possibly malformed) chat completion that behaviour checks judge.
import { isRecord } from './body.ts';

export const FINISH_REASONS: unknown[] = ['stop', 'length', 'tool_calls', 'content_filter', 'function_call'];

export function choicesOf(body: Record<string, any>): any[] | undefined {
  return Array.isArray(body.choices) ? body.choices : undefined;
}

/** The first choice's message content when it is a string. */
export function firstContent(body: Record<string, any>): string | undefined {
  const content = choicesOf(body)?.[0]?.message?.content;
  return typeof content === 'string' ? content : undefined;
}

export function firstFinishReason(body: Record<string, any>): unknown {
  return choicesOf(body)?.[0]?.finish_reason;
}

/** usage.completion_tokens when it is an integer. */
export function completionTokens(body: Record<string, any>): number | undefined {
  const n = isRecord(body.usage) ? body.usage.completion_tokens : undefined;
  return Number.isInteger(n) ? n : undefined;
}
