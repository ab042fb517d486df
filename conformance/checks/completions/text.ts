// Reading a legacy completion: the first choice's text and finish reason, and its usage.
import { isRecord } from '../chat/body.ts';

export const FINISH_REASONS = ['stop', 'length', 'content_filter'];

export function firstChoice(body: Record<string, any>): Record<string, any> | undefined {
  const choice = Array.isArray(body.choices) ? body.choices[0] : undefined;
  return isRecord(choice) ? choice : undefined;
}

export function completionTokensOf(body: Record<string, any>): number | undefined {
  const tokens = isRecord(body.usage) ? body.usage.completion_tokens : undefined;
  return Number.isInteger(tokens) ? tokens : undefined;
}
