// Conversation state for any backend: before a request is translated or passed on, the stored
// conversation previous_response_id names and the items its item_reference entries name are read
// from the store; after the answer, the conversation so far is saved under the new response's id
// (unless the client said store: false). A reference the store does not have — unknown, expired,
// never stored — is a 400 naming it, as OpenAI answers, never a silent drop.
import { ProxyError } from '../errors.ts';
import { invalidType } from './refuse.ts';
import type { ResponsesStore, StoredResponse } from './store.ts';
import type { Json, ResponseItem } from './types.ts';

export interface Conversation {
  /** the items before this request, oldest first (empty without previous_response_id) */
  history: ResponseItem[];
  /** stored items by id, for the request's item_reference entries */
  references: Map<string, ResponseItem>;
  /** the API key name the conversation belongs to (store.ts): what it reads, and what its answer is kept under */
  owner?: string;
}

export async function resolveConversation(body: Json, store: ResponsesStore, owner?: string): Promise<Conversation> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw invalidType('body', 'an object', body);
  const previousId = body.previous_response_id;
  if (previousId !== undefined && previousId !== null && typeof previousId !== 'string') throw invalidType('previous_response_id', 'a string', previousId);
  const ids = referencedIds(body.input);
  const [previous, references] = await Promise.all([previousId ? store.get(previousId, owner) : undefined, ids.length > 0 ? store.items(ids, owner) : new Map()]);
  if (previousId && !previous) {
    throw new ProxyError(400, `Previous response with id '${previousId}' not found.`, { param: 'previous_response_id', code: 'previous_response_not_found' });
  }
  return { history: previous?.conversation ?? [], references, ...(owner === undefined ? {} : { owner }) };
}

/** The record to save once the response is final, or undefined when the client asked not to store it or it failed. */
export function recordOf(body: Json, conversation: Conversation, response: Json): StoredResponse | undefined {
  if (body.store === false || (response.status !== 'completed' && response.status !== 'incomplete')) return undefined;
  const input = typeof body.input === 'string' ? [{ role: 'user', content: body.input }] : (body.input as ResponseItem[]);
  const resolved = input.map((item) => (item?.type === 'item_reference' ? (conversation.references.get(item.id) ?? item) : item));
  const record: StoredResponse = { response, conversation: [...conversation.history, ...resolved, ...(response.output ?? [])] };
  if (conversation.owner !== undefined) record.owner = conversation.owner;
  return record;
}

function referencedIds(input: unknown): string[] {
  if (!Array.isArray(input)) return [];
  return input.filter((i) => i?.type === 'item_reference' && typeof i.id === 'string').map((i) => i.id);
}
