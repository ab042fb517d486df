// The conversation store in one replica's memory, bounded three ways: a time to live, a number of
// responses and an approximate size. Entries are kept in the order they were saved, so the
// oldest (the first to expire, and the first to give way) are always at the front. A
// conversation's earlier turns are shared, not copied, between its responses, so a response is
// counted for what it adds: its input and output.
import { DEFAULT_STORE_LIMITS, ownedKey, type ResponsesStore, type StoreLimits, type StoredResponse } from './store.ts';
import type { ResponseItem } from './types.ts';

interface Entry {
  stored: StoredResponse;
  expiresAt: number;
  bytes: number;
  itemIds: string[];
}

export class MemoryResponsesStore implements ResponsesStore {
  private readonly entries = new Map<string, Entry>();
  private readonly itemIndex = new Map<string, ResponseItem>();
  private bytes = 0;
  private readonly limits: StoreLimits;

  private readonly now: () => number;

  constructor(limits: Partial<StoreLimits> = {}, now: () => number = Date.now) {
    this.now = now;
    this.limits = { ...DEFAULT_STORE_LIMITS, ...limits };
  }

  get size(): number {
    return this.entries.size;
  }

  get approximateBytes(): number {
    return this.bytes;
  }

  async get(id: string, owner?: string): Promise<StoredResponse | undefined> {
    return this.live(ownedKey(id, owner))?.stored;
  }

  async items(ids: readonly string[], owner?: string): Promise<Map<string, ResponseItem>> {
    this.expire();
    const found = new Map<string, ResponseItem>();
    for (const id of ids) {
      const item = this.itemIndex.get(ownedKey(id, owner));
      if (item) found.set(id, item);
    }
    return found;
  }

  async save(stored: StoredResponse): Promise<void> {
    const id = ownedKey(String(stored.response.id), stored.owner);
    this.remove(id);
    const previousId = stored.response.previous_response_id;
    const previous = typeof previousId === 'string' ? this.live(ownedKey(previousId, stored.owner)) : undefined;
    const added = stored.conversation.slice(previous?.stored.conversation.length ?? 0);
    const output: ResponseItem[] = Array.isArray(stored.response.output) ? stored.response.output : [];
    const itemIds = output.map((i) => i.id).filter((i): i is string => typeof i === 'string').map((i) => ownedKey(i, stored.owner));
    const bytes = JSON.stringify(stored.response).length + JSON.stringify(added).length;
    this.entries.set(id, { stored, expiresAt: this.now() + this.limits.ttlMs, bytes, itemIds });
    for (const item of output) if (typeof item.id === 'string') this.itemIndex.set(ownedKey(item.id, stored.owner), item);
    this.bytes += bytes;
    this.expire();
    for (const [oldest] of this.entries) {
      if (this.entries.size <= this.limits.maxEntries && this.bytes <= this.limits.maxBytes) break;
      this.remove(oldest);
    }
  }

  async delete(id: string, owner?: string): Promise<boolean> {
    const key = ownedKey(id, owner);
    const found = this.live(key) !== undefined;
    this.remove(key);
    return found;
  }

  private live(id: string): Entry | undefined {
    const entry = this.entries.get(id);
    if (entry && entry.expiresAt <= this.now()) {
      this.remove(id);
      return undefined;
    }
    return entry;
  }

  private expire(): void {
    const now = this.now();
    for (const [id, entry] of this.entries) {
      if (entry.expiresAt > now) break;
      this.remove(id);
    }
  }

  private remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    this.bytes -= entry.bytes;
    for (const itemId of entry.itemIds) this.itemIndex.delete(itemId);
  }
}
