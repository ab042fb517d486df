// The in-memory conversation store: the shared store contract, then its three bounds (time to live, entries, bytes).
import { describe, expect, it } from 'vitest';
import { MemoryResponsesStore } from './memory-store.ts';
import { stored, storeContract } from './store-contract.fixtures.ts';

describe('MemoryResponsesStore', () => {
  storeContract(() => new MemoryResponsesStore());

  it('forgets a response and its items once its time to live has passed', async () => {
    const clock = { t: 1_000 };
    const store = new MemoryResponsesStore({ ttlMs: 60_000 }, () => clock.t);
    const one = stored();
    await store.save(one);
    clock.t += 59_999;
    expect(await store.get(String(one.response.id))).toBeDefined();
    clock.t += 1;
    expect(await store.get(String(one.response.id))).toBeUndefined();
    expect((await store.items([one.response.output[0].id])).size).toBe(0);
    expect(store.size).toBe(0);
  });

  it('keeps at most maxEntries responses, the oldest giving way with their items', async () => {
    const store = new MemoryResponsesStore({ maxEntries: 2 });
    const [a, b, c] = [stored(), stored(), stored()];
    for (const s of [a, b, c]) await store.save(s);
    expect(store.size).toBe(2);
    expect(await store.get(String(a.response.id))).toBeUndefined();
    expect((await store.items([a.response.output[0].id])).size).toBe(0);
    expect(await store.get(String(c.response.id))).toBeDefined();
  });

  it('keeps its size under maxBytes, counting each turn for what it adds to the conversation', async () => {
    const store = new MemoryResponsesStore({ maxBytes: 3_000 });
    let previous = stored(undefined, 'x'.repeat(100));
    await store.save(previous);
    const perTurn = store.approximateBytes;
    for (let i = 0; i < 8; i++) {
      previous = stored(previous, 'x'.repeat(100));
      await store.save(previous);
    }
    // a later turn's conversation holds every earlier one, but only its own turn is counted
    expect(store.approximateBytes).toBeLessThan(3_000);
    expect(store.size).toBeGreaterThanOrEqual(Math.floor(3_000 / (perTurn + 100)));
    await store.save(stored(undefined, 'y'.repeat(5_000)));
    expect(store.size).toBe(0);
    expect(store.approximateBytes).toBe(0);
  });
});
