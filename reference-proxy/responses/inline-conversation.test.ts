// The stored conversation sent inline to a Responses backend in place of previous_response_id and item_reference.
import { describe, expect, it } from 'vitest';
import { inlineConversation } from './inline-conversation.ts';

const message = { id: 'msg_1', type: 'message', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: 'lantern', annotations: [] }] };
const reasoning = { id: 'rs_1', type: 'reasoning', summary: [{ type: 'summary_text', text: 'hm' }] };

describe('inlineConversation', () => {
  it('sends the stored conversation inline instead of previous_response_id, without ids or reasoning items', () => {
    const history = [{ role: 'user', content: 'Pick' }, reasoning, message];
    expect(inlineConversation({ model: 'm', input: 'Repeat', previous_response_id: 'resp_1', store: true }, { history, references: new Map() })).toEqual({
      model: 'm',
      store: true,
      input: [{ role: 'user', content: 'Pick' }, { type: 'message', status: 'completed', role: 'assistant', content: message.content }, { role: 'user', content: 'Repeat' }],
    });
  });

  it('replaces item_reference entries by the items they name', () => {
    const body = { model: 'm', input: [{ role: 'user', content: 'Pick' }, { type: 'item_reference', id: 'rs_1' }, { type: 'item_reference', id: 'msg_1' }, { role: 'user', content: 'Repeat' }] };
    const references = new Map<string, Record<string, unknown>>([['msg_1', message], ['rs_1', reasoning]]);
    expect(inlineConversation(body, { history: [], references }).input.map((i: any) => i.role)).toEqual(['user', 'assistant', 'user']);
  });

  it('leaves a request without stored state as it is', () => {
    const body = { model: 'm', input: [{ role: 'user', content: 'hi' }] };
    expect(inlineConversation(body, { history: [], references: new Map() })).toBe(body);
  });
});
