// The `.done` events that close text parts and function-call arguments, and no item events after
// an item is done (S05).
import type { Check, Verdict } from '../../types.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { withResponsesStream } from './events.ts';
import { streamItems, type StreamItem } from './items.ts';

export const responsesStreamLifecycle: Check = {
  id: 'responses.stream-lifecycle',
  capability: 'responses',
  level: 'SHOULD',
  kind: 'protocol',
  title: 'Text parts and function-call arguments are closed by their .done events before the item is done',
  spec: 'OpenAPI ResponseTextDoneEvent, ResponseContentPartDoneEvent, ResponseFunctionCallArgumentsDoneEvent; docs/deviations.md#s05',
  consequence:
    'event-driven clients that finalise on response.output_text.done or response.function_call_arguments.done (openai-node and openai-python stream helper listeners, agent frameworks) never see the final text or arguments; events after output_item.done change an item the client already finished',
  evidence: 'openai-node src/lib/responses/ResponseStream.ts (typed listeners per event); llama.cpp server-task.cpp to_json_oaicompat_resp_stream (no function_call_arguments.done, docs/deviations.md#s05)',
  run: (input) =>
    withResponsesStream(input, (stream) => {
      if (input.exchange.truncated) return skip('the capture was cut at the size or event cap, so its end is unknown');
      const { items } = streamItems(stream);
      if (items.length === 0) return skip('the stream carried no output items');
      for (const item of items) {
        const verdict = judgeItem(item);
        if (verdict) return verdict;
      }
      return pass();
    }),
};

function judgeItem(item: StreamItem): Verdict | undefined {
  const { type, id } = item.added.item;
  const what = `the ${type} item ${show(id)}`;
  const doneAt = item.done?.n ?? Infinity;
  if (item.late.length > 0) {
    return fail(`${what} receives events after its output_item.done`, { expected: 'no events for an item after output_item.done', received: `${item.late.length} late event(s)`, pointer: `/events/${item.late[0]}` });
  }
  if (type === 'function_call' && (item.args.count > 0 || item.done)) {
    if (!item.args.done || item.args.done.n > doneAt) {
      return fail(`${what} has no response.function_call_arguments.done before output_item.done`, { expected: 'response.function_call_arguments.done', received: 'none', pointer: `/events/${item.added.n}` });
    }
  }
  for (const part of item.parts.values()) {
    for (const [key, name] of [['textDone', 'response.output_text.done'], ['partDone', 'response.content_part.done']] as const) {
      const closed = part[key];
      if (part.deltaCount > 0 && (!closed || closed.n > doneAt)) {
        return fail(`text part ${part.contentIndex} of ${what} has no ${name} before output_item.done`, { expected: name, received: 'none', pointer: `/events/${item.added.n}` });
      }
    }
  }
  return undefined;
}
