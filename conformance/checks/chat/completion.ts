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

/**
 * Why choice 0 carries no text to judge although the reply is fine: a documented refusal
 * (`message.refusal` set, content null) or tool calls instead of an answer.
 */
export function nonAnswer(body: Record<string, any>): string | undefined {
  const message = choicesOf(body)?.[0]?.message;
  if (!isRecord(message)) return undefined;
  return nonAnswerOf(message.refusal, message.tool_calls);
}

export function nonAnswerOf(refusal: unknown, toolCalls: unknown): string | undefined {
  if (typeof refusal === 'string' && refusal !== '') return `the model refused (refusal ${JSON.stringify(refusal.slice(0, 80))}), an answer OpenAI documents for structured outputs`;
  if (Array.isArray(toolCalls) && toolCalls.length > 0) return 'the model called a tool instead of answering, which the request allowed';
  return undefined;
}
