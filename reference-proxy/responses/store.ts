// What the proxy remembers of the responses it served, so conversations work behind stateless
// backends: the Vercel AI SDK sends its earlier output back as item_reference (its default
// store: true), other clients name the previous response by previous_response_id, and GET /
// DELETE /v1/responses/{id} read and remove one. One interface, two implementations: in memory
// (memory-store.ts, bounded, the default) and Redis (state/redis-responses-store.ts, shared by
// replicas). Every method is async so that either can stand behind it.
import type { Json, ResponseItem } from './types.ts';

export interface StoredResponse {
  /** the Response object as served: what GET /v1/responses/{id} returns */
  response: Json;
  /** the conversation up to and including this response, oldest first, as Responses items (no instructions) */
  conversation: ResponseItem[];
}

export interface ResponsesStore {
  get(id: string): Promise<StoredResponse | undefined>;
  /** the stored output items among `ids`, by id (for item_reference); unknown ids are absent */
  items(ids: readonly string[]): Promise<Map<string, ResponseItem>>;
  save(stored: StoredResponse): Promise<void>;
  /** true when there was such a response */
  delete(id: string): Promise<boolean>;
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
