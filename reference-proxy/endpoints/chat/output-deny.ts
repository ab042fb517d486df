// Output deny patterns on a whole (non-stream) completion: a matching choice loses its content
// and finishes with content_filter, as OpenAI reports filtered output.
import { createOutputFilter } from '../../safety/safety.ts';

/** Filters the completion in place; returns true when something was blocked. */
export function applyOutputDeny(completion: any, patterns: RegExp[]): boolean {
  if (patterns.length === 0 || !Array.isArray(completion?.choices)) return false;
  let blocked = false;
  for (const choice of completion.choices) {
    const content = choice?.message?.content;
    if (typeof content !== 'string' || !createOutputFilter(patterns).push(content)) continue;
    choice.message.content = null;
    choice.finish_reason = 'content_filter';
    blocked = true;
  }
  return blocked;
}
