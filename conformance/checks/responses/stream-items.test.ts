import { describe, expect, it } from 'vitest';
import { editEvent, streamInput, textEvents, toolEvents, without } from './responses.fixtures.ts';
import { responsesStreamItems } from './stream-items.ts';

describe('responses.stream-items', () => {
  it('passes items with ids that reach output_item.done', () => {
    expect(responsesStreamItems.run(streamInput(textEvents())).status).toBe('pass');
    expect(responsesStreamItems.run(streamInput(toolEvents())).status).toBe('pass');
  });
  it('fails a function_call without id (S04) and one without call_id', () => {
    const noId = editEvent(toolEvents(), 'response.output_item.added', (e) => ({ ...e, item: { ...e.item, id: undefined } }));
    expect(responsesStreamItems.run(streamInput(noId))).toMatchObject({ status: 'fail', pointer: '/events/2/item/id' });
    const noCall = editEvent(toolEvents(), 'response.output_item.added', (e) => ({ ...e, item: { ...e.item, call_id: '' } }));
    expect(responsesStreamItems.run(streamInput(noCall))).toMatchObject({ status: 'fail', pointer: '/events/2/item/call_id' });
  });
  it('fails a function call that never reaches output_item.done, or whose done item changes id', () => {
    expect(responsesStreamItems.run(streamInput(without(toolEvents(), 'response.output_item.done')))).toMatchObject({ status: 'fail', message: /never reached output_item.done/ });
    const renamed = editEvent(textEvents(), 'response.output_item.done', (e) => ({ ...e, item: { ...e.item, id: 'msg_other' } }));
    expect(responsesStreamItems.run(streamInput(renamed))).toMatchObject({ status: 'fail', pointer: '/events/9/item/id' });
  });
  it('lets hosted-tool items stay open and change their call_id, as OpenAI\'s own do', () => {
    const hosted = editEvent(textEvents(), 'response.output_item.added', (e) => ({ ...e, item: { id: 'mcpl_1', type: 'mcp_list_tools' } }));
    const open = hosted.filter((e) => !(e.type === 'response.output_item.done'));
    expect(responsesStreamItems.run(streamInput(open)).status).toBe('pass');
  });
});
