import { describe, expect, it } from 'vitest';
import { inputItemsOf, listPage, parseListQuery } from './input-items-list.ts';
import type { StoredResponse } from './store.ts';

const output = [{ id: 'msg_out2', type: 'message', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: 'again', annotations: [] }] }];
/** A second turn: a first user message and its answer, then a function call output and a user message, then this turn's answer. */
const stored: StoredResponse = {
  response: { id: 'resp_2', object: 'response', output },
  conversation: [
    { role: 'user', content: 'hello' },
    { id: 'msg_out1', type: 'message', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: 'hi', annotations: [] }] },
    { type: 'function_call_output', call_id: 'call_1', output: '{"ok":true}' },
    { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'and?' }] },
    ...output,
  ],
};

describe('inputItemsOf', () => {
  it('lists everything before the output, messages in item form, each with an id', () => {
    const items = inputItemsOf(stored);
    expect(items).toHaveLength(4);
    expect(items[0]).toEqual({ id: expect.stringMatching(/^msg_[0-9a-f]{50}$/), type: 'message', role: 'user', content: [{ type: 'input_text', text: 'hello' }] });
    expect(items[1]).toEqual(stored.conversation[1]);
    expect(items[2]).toMatchObject({ id: expect.stringMatching(/^fco_[0-9a-f]{50}$/), type: 'function_call_output', call_id: 'call_1' });
    expect(items[3]).toMatchObject({ id: expect.stringMatching(/^msg_/), content: [{ type: 'input_text', text: 'and?' }] });
  });

  it('gives an item the same id every time and in the turns that continue it, and different items different ids', () => {
    const ids = inputItemsOf(stored).map((i) => i.id);
    expect(inputItemsOf(structuredClone(stored)).map((i) => i.id)).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    const next: StoredResponse = { response: { id: 'resp_3', output: [] }, conversation: [...stored.conversation, { role: 'user', content: 'hello' }] };
    const later = inputItemsOf(next).map((i) => i.id);
    expect(later.slice(0, 5)).toEqual([...ids, output[0].id]);
    // the same text at another place is another item
    expect(later[5]).not.toBe(ids[0]);
  });
});

describe('listPage', () => {
  const items = inputItemsOf(stored);
  const ids = items.map((i) => i.id);

  it('is newest first by default, with first_id, last_id and has_more', () => {
    expect(listPage(items, { limit: 20, order: 'desc' })).toEqual({ object: 'list', data: [...items].reverse(), first_id: ids[3], last_id: ids[0], has_more: false });
  });

  it('pages with limit and after, in either order', () => {
    const first = listPage(items, { limit: 3, order: 'asc' });
    expect(first).toMatchObject({ first_id: ids[0], last_id: ids[2], has_more: true });
    expect(listPage(items, { limit: 3, order: 'asc', after: ids[2] })).toMatchObject({ data: [items[3]], has_more: false });
    expect(listPage(items, { limit: 2, order: 'desc', after: ids[3] }).data).toEqual([items[2], items[1]]);
  });

  it('refuses an after that names no item of this response', () => {
    expect(() => listPage(items, { limit: 20, order: 'desc', after: 'msg_nope' })).toThrow(/Invalid value for 'after'/);
  });

  it('answers an empty list with null ids', () => {
    expect(listPage([], { limit: 20, order: 'desc' })).toEqual({ object: 'list', data: [], first_id: null, last_id: null, has_more: false });
  });
});

describe('parseListQuery', () => {
  it('defaults to 20 newest first, and reads limit, order and after', () => {
    expect(parseListQuery(new URLSearchParams(''))).toEqual({ limit: 20, order: 'desc' });
    expect(parseListQuery(new URLSearchParams('limit=5&order=asc&after=msg_1&include=message.input_image.image_url'))).toEqual({ limit: 5, order: 'asc', after: 'msg_1' });
  });

  it('refuses a limit outside 1–100 or not a number, and an unknown order, naming the parameter', () => {
    for (const [query, param] of [['limit=0', 'limit'], ['limit=101', 'limit'], ['limit=ten', 'limit'], ['limit=2.5', 'limit'], ['order=newest', 'order']]) {
      expect(() => parseListQuery(new URLSearchParams(query))).toThrow(expect.objectContaining({ status: 400, param }));
    }
  });
});
