// Conversation state across turns: previous_response_id and item_reference resolved from the store, refused with OpenAI's 400 when unknown or expired, store: false honoured, GET and DELETE.
import { describe, expect, it } from 'vitest';
import { ProxyError } from '../errors.ts';
import { recordOf, resolveConversation } from './conversation.ts';
import { MemoryResponsesStore } from './memory-store.ts';
import { deleteResponse, retrieveResponse } from './retrieve.ts';
import { toChatRequest } from './to-chat-request.ts';

const answer = (id: string, text: string, previous: string | null = null) => ({
  id, object: 'response', status: 'completed', previous_response_id: previous,
  output: [{ id: `msg_${id}`, type: 'message', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text, annotations: [], logprobs: [] }] }],
});

async function rejection(p: Promise<unknown>): Promise<ProxyError> {
  const e = await p.then(() => undefined, (err) => err);
  expect(e).toBeInstanceOf(ProxyError);
  return e as ProxyError;
}

describe('conversation state', () => {
  it('previous_response_id brings back the whole conversation; the next turn is saved on top of it', async () => {
    const store = new MemoryResponsesStore();
    const turn1 = { model: 'm', input: 'Pick a noun.', instructions: 'Be brief.' };
    const c1 = await resolveConversation(turn1, store);
    await store.save(recordOf(turn1, c1, answer('r1', 'lantern'))!);
    const turn2 = { model: 'm', input: 'Repeat it.', previous_response_id: 'r1' };
    const c2 = await resolveConversation(turn2, store);
    expect(toChatRequest(turn2, c2).messages).toEqual([
      { role: 'user', content: 'Pick a noun.' },
      { role: 'assistant', content: 'lantern' },
      { role: 'user', content: 'Repeat it.' },
    ]);
    await store.save(recordOf(turn2, c2, answer('r2', 'lantern', 'r1'))!);
    expect((await store.get('r2'))!.conversation).toHaveLength(4);
  });

  it('item_reference entries are resolved from the stored output, as the Vercel AI SDK sends them', async () => {
    const store = new MemoryResponsesStore();
    const turn1 = { model: 'm', input: [{ role: 'user', content: 'Pick a noun.' }] };
    await store.save(recordOf(turn1, await resolveConversation(turn1, store), answer('r1', 'lantern'))!);
    const turn2 = { model: 'm', input: [{ role: 'user', content: 'Pick a noun.' }, { type: 'item_reference', id: 'msg_r1' }, { role: 'user', content: 'Repeat it.' }] };
    const c2 = await resolveConversation(turn2, store);
    expect(toChatRequest(turn2, c2).messages[1]).toEqual({ role: 'assistant', content: 'lantern' });
    const saved = recordOf(turn2, c2, answer('r2', 'lantern'))!;
    expect(saved.conversation[1]).toMatchObject({ id: 'msg_r1', type: 'message' });
  });

  it('an unknown or expired previous_response_id is a 400 naming it, with OpenAI\'s code', async () => {
    const clock = { t: 0 };
    const store = new MemoryResponsesStore({ ttlMs: 1_000 }, () => clock.t);
    const e = await rejection(resolveConversation({ model: 'm', input: 'x', previous_response_id: 'resp_nope' }, store));
    expect([e.status, e.param, e.code, e.message]).toEqual([400, 'previous_response_id', 'previous_response_not_found', "Previous response with id 'resp_nope' not found."]);
    await store.save({ response: answer('r1', 'a'), conversation: [] });
    clock.t = 1_000;
    expect((await rejection(resolveConversation({ model: 'm', input: 'x', previous_response_id: 'r1' }, store))).code).toBe('previous_response_not_found');
    expect((await rejection(resolveConversation({ model: 'm', input: 'x', previous_response_id: 7 }, store))).param).toBe('previous_response_id');
    expect((await rejection(resolveConversation(null as never, store))).status).toBe(400);
  });

  it('store: false and failed responses are not kept', async () => {
    const store = new MemoryResponsesStore();
    const conversation = { history: [], references: new Map() };
    expect(recordOf({ model: 'm', input: 'x', store: false }, conversation, answer('r1', 'a'))).toBeUndefined();
    expect(recordOf({ model: 'm', input: 'x' }, conversation, { ...answer('r2', 'a'), status: 'failed' })).toBeUndefined();
    expect(recordOf({ model: 'm', input: 'x' }, conversation, { ...answer('r3', 'a'), status: 'incomplete' })).toBeDefined();
    expect(store.size).toBe(0);
  });

  it('GET returns the stored Response; DELETE removes it; both answer 404 for an unknown id', async () => {
    const store = new MemoryResponsesStore();
    await store.save({ response: answer('r1', 'a'), conversation: [] });
    expect(await retrieveResponse(store, 'r1')).toEqual(answer('r1', 'a'));
    expect(await deleteResponse(store, 'r1')).toEqual({ id: 'r1', object: 'response', deleted: true });
    for (const p of [retrieveResponse(store, 'r1'), deleteResponse(store, 'r1')]) {
      const e = await rejection(p);
      expect([e.status, e.message]).toEqual([404, "Response with id 'r1' not found."]);
    }
  });
});
