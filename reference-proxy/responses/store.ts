// What the proxy remembers of the responses it served, so conversations work behind stateless
// backends: the Vercel AI SDK sends its earlier output back as item_reference (its default
// store: true), other clients name the previous response by previous_response_id, and GET /
// DELETE /v1/responses/{id} read and remove one. One interface, two implementations: in memory
// (memory-store.ts, bounded, the default) and Redis (state/redis-responses-store.ts, shared by
// replicas). Every method is async so that either can stand behind it.
//
// Responses belong to the API key that created them (its name in the config; none without auth):
// a key reads, continues, references and deletes only its own — another key's response is
// "not found", exactly as one that never existed, so ids tell nothing across keys.
import type { Json, ResponseItem } from './types.ts';

export interface StoredResponse {
  /** the Response object as served: what GET /v1/responses/{id} returns */
  response: Json;
  /** the conversation up to and including this response, oldest first, as Responses items (no instructions) */
  conversation: ResponseItem[];
  /** the name of the API key that created it; absent when the proxy has no auth */
  owner?: string;
}

export interface ResponsesStore {
  /** the response `owner` stored under `id`; another owner's is undefined */
  get(id: string, owner?: string): Promise<StoredResponse | undefined>;
  /** `owner`'s stored output items among `ids`, by id (for item_reference); unknown ids and other owners' items are absent */
  items(ids: readonly string[], owner?: string): Promise<Map<string, ResponseItem>>;
  /** keeps a response under its id and `stored.owner` */
  save(stored: StoredResponse): Promise<void>;
  /** true when `owner` had such a response */
  delete(id: string, owner?: string): Promise<boolean>;
}

export interface StoreLimits {
  /** responses kept at most; the oldest go first */
  maxEntries: number;
  /** approximate bytes of JSON kept at most (memory store only); the oldest go first */
  maxBytes: number;
  /** how long a response can be continued or read after it was served */
  ttlMs: number;
}

/** OpenAI keeps responses 30 days; a proxy in memory keeps fewer, long enough for a conversation. */
export const DEFAULT_STORE_LIMITS: StoreLimits = { maxEntries: 10_000, maxBytes: 256 * 1024 * 1024, ttlMs: 24 * 60 * 60 * 1000 };

/**
 * The key a store files an id under for one owner: the owner's name with its colons escaped, a
 * colon, then the id — so no id a client sends can reach another owner's entry.
 */
export function ownedKey(id: string, owner: string | undefined): string {
  return `${encodeURIComponent(owner ?? '')}:${id}`;
}
