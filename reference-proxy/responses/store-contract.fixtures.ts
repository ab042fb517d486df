// Test kit: what every ResponsesStore must do, run against the memory store and, against a real
// redis-server, the Redis store — the same assertions for both, so either can stand behind the
// proxy.
import { expect, it } from 'vitest';
import type { ResponsesStore, StoredResponse } from './store.ts';

let n = 0;
/** A stored response with one message item; ids unique per call so stores can be shared between tests. */
export function stored(previous?: StoredResponse, text = 'hello'): StoredResponse {
  n += 1;
  const output = [{ id: `msg_t${n}`, type: 'message', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text, annotations: [], logprobs: [] }] }];
  const response = { id: `resp_t${n}`, object: 'response', status: 'completed', previous_response_id: previous?.response.id ?? null, output };
  return { response, conversation: [...(previous?.conversation ?? []), { role: 'user', content: `turn ${n}` }, ...output] };
}

export function storeContract(make: () => ResponsesStore | Promise<ResponsesStore>): void {
  it('keeps a response, its conversation and its output items', async () => {
    const store = await make();
    const first = stored();
    const second = stored(first, 'again');
    await store.save(first);
    await store.save(second);
    expect(await store.get(String(second.response.id))).toEqual(second);
    expect((await store.get(String(second.response.id)))!.conversation).toHaveLength(4);
    const items = await store.items([first.response.output[0].id, second.response.output[0].id, 'msg_unknown']);
    expect([...items.keys()]).toEqual([first.response.output[0].id, second.response.output[0].id]);
    expect(items.get(second.response.output[0].id)).toEqual(second.response.output[0]);
  });

  it('answers unknown ids with undefined / an empty map, and deletes a response with its items', async () => {
    const store = await make();
    expect(await store.get('resp_unknown')).toBeUndefined();
    expect((await store.items(['msg_unknown'])).size).toBe(0);
    const one = stored();
    await store.save(one);
    expect(await store.delete(String(one.response.id))).toBe(true);
    expect(await store.delete(String(one.response.id))).toBe(false);
    expect(await store.get(String(one.response.id))).toBeUndefined();
    expect((await store.items([one.response.output[0].id])).size).toBe(0);
  });

  it('keeps each owner’s responses apart: another owner, or none, finds nothing under the same ids', async () => {
    const store = await make();
    const mine = { ...stored(), owner: 'team-a' };
    await store.save(mine);
    const id = String(mine.response.id);
    const itemId = mine.response.output[0].id;
    expect(await store.get(id, 'team-a')).toEqual(mine);
    expect((await store.items([itemId], 'team-a')).get(itemId)).toEqual(mine.response.output[0]);
    for (const other of ['team-b', undefined, 'team-a:x', 'team']) {
      expect(await store.get(id, other)).toBeUndefined();
      expect((await store.items([itemId], other)).size).toBe(0);
      expect(await store.delete(id, other)).toBe(false);
    }
    // an id that spells another owner's key reaches nothing either
    expect(await store.get(`team-a:${id}`)).toBeUndefined();
    expect(await store.get(id, 'team-a')).toEqual(mine);
    expect(await store.delete(id, 'team-a')).toBe(true);
    expect(await store.get(id, 'team-a')).toBeUndefined();
  });
}
