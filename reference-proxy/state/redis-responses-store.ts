// The conversation store in Redis (state.redis in the config), so that a conversation continues
// on whichever replica the next turn reaches: each response and each of its output items under
// its own key, all expiring after the store's time to live (Redis's own maxmemory policy bounds
// the rest). A response holds its whole conversation, so a turn is one read. While Redis does not
// answer, a request that needs stored state gets a 503 saying so — retryable, and never a
// conversation silently continued without its history. A response is stored once it has been
// sent, so a client's next turn can reach another replica a moment before the write lands: a miss
// is read again twice (after 50 and 200 ms) before it counts as "not found".
import { setTimeout as sleep } from 'node:timers/promises';
import { ProxyError } from '../errors.ts';
import { ownedKey, type ResponsesStore, type StoredResponse } from '../responses/store.ts';
import type { ResponseItem } from '../responses/types.ts';
import type { RedisClient, RedisLink } from './redis-link.ts';

export class RedisResponsesStore implements ResponsesStore {
  private readonly link: RedisLink;
  private readonly keyPrefix: string;
  private readonly ttlMs: number;
  private readonly missRetryMs: readonly number[];

  constructor(link: RedisLink, keyPrefix: string, ttlMs: number, missRetryMs: readonly number[] = [50, 150]) {
    this.link = link;
    this.keyPrefix = keyPrefix;
    this.ttlMs = ttlMs;
    this.missRetryMs = missRetryMs;
  }

  async get(id: string, owner?: string): Promise<StoredResponse | undefined> {
    const text = await this.read(() => this.call((c) => c.get(this.key('response', id, owner))), (t) => t !== null);
    return text ? JSON.parse(text) : undefined;
  }

  async items(ids: readonly string[], owner?: string): Promise<Map<string, ResponseItem>> {
    if (ids.length === 0) return new Map();
    const texts = await this.read(() => this.call((c) => c.mGet(ids.map((id) => this.key('item', id, owner)))), (t) => t.every((x) => x !== null));
    return new Map(ids.flatMap((id, i) => (texts[i] ? [[id, JSON.parse(texts[i]!)] as [string, ResponseItem]] : [])));
  }

  /** Reads until `found`, or gives the last answer after the retries (a write in flight elsewhere). */
  private async read<T>(once: () => Promise<T>, found: (value: T) => boolean): Promise<T> {
    let value = await once();
    for (const ms of this.missRetryMs) {
      if (found(value)) break;
      await sleep(ms);
      value = await once();
    }
    return value;
  }

  async save(stored: StoredResponse): Promise<void> {
    const expiration = { type: 'PX' as const, value: this.ttlMs };
    await this.call((c) => {
      const tx = c.multi();
      tx.set(this.key('response', String(stored.response.id), stored.owner), JSON.stringify(stored), { expiration });
      for (const item of outputOf(stored)) tx.set(this.key('item', item.id, stored.owner), JSON.stringify(item), { expiration });
      return tx.exec();
    });
  }

  async delete(id: string, owner?: string): Promise<boolean> {
    const stored = await this.get(id, owner);
    if (!stored) return false;
    await this.call((c) => c.del([this.key('response', id, owner), ...outputOf(stored).map((i) => this.key('item', i.id, owner))]));
    return true;
  }

  /** e.g. dropin:responses:response::resp_… without auth, dropin:responses:item:<key name>:msg_… for a key's */
  private key(kind: 'response' | 'item', id: string, owner: string | undefined): string {
    return `${this.keyPrefix}:responses:${kind}:${ownedKey(id, owner)}`;
  }

  private async call<T>(command: (client: RedisClient) => Promise<T>): Promise<T> {
    if (!this.link.usable) throw unavailable();
    try {
      const result = await this.link.run(command);
      this.link.succeeded();
      return result;
    } catch (error) {
      this.link.failed(error);
      throw unavailable();
    }
  }
}

function outputOf(stored: StoredResponse): Array<ResponseItem & { id: string }> {
  const output: ResponseItem[] = Array.isArray(stored.response.output) ? stored.response.output : [];
  return output.filter((i): i is ResponseItem & { id: string } => typeof i.id === 'string');
}

function unavailable(): ProxyError {
  return new ProxyError(503, 'The conversation store (Redis) is not answering, so stored responses cannot be read or kept right now. Retry shortly.', { code: 'conversation_store_unavailable' });
}
