// GET /v1/responses/{id}/input_items for a stored response: what the model was given for it — the
// conversation it continued (earlier inputs and outputs) and its own input, instructions aside —
// as OpenAI's paged item list (`limit` 1–100, default 20; `order` desc by default; `after` an item
// id). Clients sent most input items without ids; each gets one derived from its content and its
// place in the conversation, so an item keeps its id across calls, replicas and the later turns
// that continue it, and `after` pages through them. Messages are listed in item form, their text as content parts, as OpenAI lists them.
import { createHash } from 'node:crypto';
import { belowMinimum, invalidType, invalidValue } from './refuse.ts';
import type { StoredResponse } from './store.ts';
import type { Json, ResponseItem } from './types.ts';

export interface ListQuery {
  limit: number;
  order: 'asc' | 'desc';
  after?: string;
}

/** Reads limit, order and after from the query string; `include` is accepted and has nothing to add. */
export function parseListQuery(query: URLSearchParams): ListQuery {
  const out: ListQuery = { limit: 20, order: 'desc' };
  const limit = query.get('limit');
  if (limit !== null) {
    if (!/^-?\d+$/.test(limit)) throw invalidType('limit', 'an integer', limit);
    const n = Number(limit);
    if (n < 1) throw belowMinimum('limit', 1, n);
    if (n > 100) throw invalidValue('limit', `expected at most 100, got ${n}.`);
    out.limit = n;
  }
  const order = query.get('order');
  if (order !== null) {
    if (order !== 'asc' && order !== 'desc') throw invalidValue('order', `expected one of 'asc' or 'desc', got '${order}'.`);
    out.order = order;
  }
  const after = query.get('after');
  if (after !== null && after !== '') out.after = after;
  return out;
}

/** The stored response's input items, oldest first, each with an id. */
export function inputItemsOf(stored: StoredResponse): ResponseItem[] {
  const output = Array.isArray(stored.response.output) ? stored.response.output.length : 0;
  const input = stored.conversation.slice(0, stored.conversation.length - output);
  return input.map((item, i) => asListedItem(item, () => derivedId(item, i)));
}

/** One page of `items` (oldest first) in OpenAI's list shape. */
export function listPage(items: readonly ResponseItem[], q: ListQuery): Json {
  const ordered = q.order === 'asc' ? items : [...items].reverse();
  let start = 0;
  if (q.after !== undefined) {
    const at = ordered.findIndex((item) => item.id === q.after);
    if (at < 0) throw invalidValue('after', `no input item of this response has the id '${q.after}'.`);
    start = at + 1;
  }
  const data = ordered.slice(start, start + q.limit);
  return { object: 'list', data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more: start + q.limit < ordered.length };
}

function asListedItem(item: ResponseItem, id: () => string): ResponseItem {
  const isMessage = item.type === undefined || item.type === 'message';
  if (!isMessage) return typeof item.id === 'string' ? item : { id: id(), ...item };
  const partType = item.role === 'assistant' ? 'output_text' : 'input_text';
  const content = typeof item.content === 'string' ? [textPart(partType, item.content)] : item.content;
  const listed: ResponseItem = { id: typeof item.id === 'string' ? item.id : id(), type: 'message', role: item.role, content };
  if (item.status !== undefined) listed.status = item.status;
  return listed;
}

function textPart(type: 'input_text' | 'output_text', text: string): Json {
  return type === 'output_text' ? { type, text, annotations: [] } : { type, text };
}

/**
 * msg_… for a message, fco_… for a function call's output, item_… for anything else: 50 hex digits
 * of the item and its place (a later turn stores the earlier ones unchanged, at the same places).
 */
function derivedId(item: ResponseItem, index: number): string {
  const prefix = item.type === undefined || item.type === 'message' ? 'msg' : item.type === 'function_call_output' ? 'fco' : 'item';
  return `${prefix}_${createHash('sha256').update(`${index}:${JSON.stringify(item)}`).digest('hex').slice(0, 50)}`;
}
