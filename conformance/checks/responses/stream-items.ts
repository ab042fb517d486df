// Every streamed output item has an identity clients key it by — a type and an id, and for a
// function call a call_id — keeps it from added to done, and is finished by output_item.done.
import type { Check, Verdict } from '../../types.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { withResponsesStream } from './events.ts';
import { streamItems, type StreamItem } from './items.ts';

export const responsesStreamItems: Check = {
  id: 'responses.stream-items',
  capability: 'responses',
  level: 'MUST',
  kind: 'protocol',
  title: 'Output items have a type and a unique id, keep them until output_item.done, and reach it',
  spec: 'OpenAPI ResponseOutputItemAddedEvent, ResponseOutputItemDoneEvent, FunctionToolCall; docs/deviations.md#s04',
  consequence:
    'the Vercel AI SDK rejects a function_call item without id and emits a tool call only on its output_item.done, so the call is lost without it; openai-node\'s stream helper throws on an item without id (other than a function call), a duplicate id or a done item whose id, type or call_id changed; parallel calls without ids merge into one (S04)',
  evidence: '@ai-sdk/openai src/responses/openai-responses-language-model.ts (tool-call on output_item.done); openai-node src/internal/responses/response-accumulator.ts getOutputItemIdentityKeys, validateResponseOutputItemIdentity; can1357/oh-my-pi#2016',
  run: (input) =>
    withResponsesStream(input, (stream) => {
      const { items } = streamItems(stream);
      if (items.length === 0) return skip('the stream carried no output items');
      const seen = new Set<string>();
      for (const item of items) {
        const verdict = judgeItem(item, seen, input.exchange.truncated);
        if (verdict) return verdict;
      }
      return pass();
    }),
};

/** the items clients finish on output_item.done: the AI SDK emits a function call's tool-call and a message's text-end there */
const FINISHED_ON_DONE = ['message', 'function_call'];
/** the items openai-node identifies by call_id (response-accumulator.ts hasRoutedOutputCallIdentity) */
const CALL_TYPES = ['function_call', 'custom_tool_call', 'shell_call', 'shell_call_output'];

function judgeItem(item: StreamItem, seen: Set<string>, truncated: boolean): Verdict | undefined {
  const added = item.added.item;
  const at = `/events/${item.added.n}/item`;
  if (typeof added.type !== 'string') return fail('an added output item has no type', { expected: 'item.type', received: show(added), pointer: `${at}/type` });
  if (typeof added.id !== 'string' || added.id === '') {
    return fail(`a ${added.type} item has no id`, { expected: 'item.id, e.g. "fc_…" / "msg_…"', received: show(added, 160), pointer: `${at}/id` });
  }
  if (seen.has(added.id)) return fail(`two output items share the id ${show(added.id)}`, { expected: 'a distinct id per item', received: added.id, pointer: `${at}/id` });
  seen.add(added.id);
  if (added.type === 'function_call' && (typeof added.call_id !== 'string' || added.call_id === '')) {
    return fail('a function_call item has no call_id', { expected: 'item.call_id, e.g. "call_…"', received: show(added, 160), pointer: `${at}/call_id` });
  }
  if (!item.done) {
    // OpenAI itself leaves hosted-tool items (mcp_list_tools) open; clients only finish messages and function calls on done
    if (truncated || !FINISHED_ON_DONE.includes(added.type)) return undefined;
    return fail(`the ${added.type} item ${show(added.id)} never reached output_item.done`, { expected: 'response.output_item.done for every added item', received: 'no output_item.done', pointer: at });
  }
  const done = item.done.item;
  for (const key of ['type', 'id', 'call_id'] as const) {
    // OpenAI changes the call_id of a tool_search_call between added and done; openai-node keys only calls by it
    if (key === 'call_id' && !CALL_TYPES.includes(added.type)) continue;
    if (done[key] !== added[key]) {
      return fail(`output_item.done changes the item's ${key}`, { expected: `${key} ${show(added[key])}`, received: show(done[key]), pointer: `/events/${item.done.n}/item/${key}` });
    }
  }
  return undefined;
}
