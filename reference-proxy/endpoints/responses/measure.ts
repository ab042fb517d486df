// What the core reads off a Responses request without translating it: the texts the input deny
// patterns are matched against (instructions, the stored turns it continues, its input items,
// as chat matches every message) and the estimated prompt tokens for rate limits and routing
// rules (about 4 characters a token, plus the template's few tokens per item, as for chat).
import type { ResponseItem } from '../../responses/types.ts';
import { preparedOf, type ResponsesRequest } from './request.ts';

const CHARS_PER_TOKEN = 4;
const TOKENS_PER_ITEM = 4;

export function* responsesInputTexts(request: ResponsesRequest): Generator<string> {
  const { history, references } = preparedOf(request).conversation;
  if (typeof request.instructions === 'string') yield request.instructions;
  for (const item of history) yield* itemTexts(item);
  if (typeof request.input === 'string') yield request.input;
  else if (Array.isArray(request.input)) {
    for (const item of request.input) yield* itemTexts(item?.type === 'item_reference' ? references.get(item.id) : item);
  }
}

export function responsesPromptTokens(request: ResponsesRequest): number {
  let chars = 0;
  for (const text of responsesInputTexts(request)) chars += text.length;
  if (Array.isArray(request.tools) && request.tools.length > 0) chars += JSON.stringify(request.tools).length;
  const items = preparedOf(request).conversation.history.length + (Array.isArray(request.input) ? request.input.length : 1);
  return Math.ceil(chars / CHARS_PER_TOKEN) + items * TOKENS_PER_ITEM;
}

/** The texts of one item: message content (a string or its text parts), a call's arguments, a tool's output. */
function* itemTexts(item: ResponseItem | undefined): Generator<string> {
  if (item === null || typeof item !== 'object') return;
  for (const value of [item.content, item.output]) {
    if (typeof value === 'string') yield value;
    else if (Array.isArray(value)) for (const part of value) if (typeof part?.text === 'string') yield part.text;
  }
  if (typeof item.arguments === 'string') yield item.arguments;
}
