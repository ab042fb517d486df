// The text a client assembles from deltas is the text the stream then states as final: in
// output_text.done, content_part.done, output_item.done and the terminal response.
import type { Check, Verdict } from '../../types.ts';
import { isRecord } from '../streaming/parse-stream.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { finalResponse, withResponsesStream } from './events.ts';
import { streamItems, type StreamItem, type TextPart } from './items.ts';

export const responsesStreamText: Check = {
  id: 'responses.stream-text',
  capability: 'responses',
  level: 'MUST',
  kind: 'protocol',
  title: 'Text deltas concatenate to the text of the .done events and of the final response',
  spec: 'OpenAPI ResponseTextDeltaEvent, ResponseTextDoneEvent, ResponseContentPartDoneEvent, ResponseCompletedEvent',
  consequence:
    'what a user watched stream in (the AI SDK\'s textStream, openai-node delta listeners) differs from what the app stores: openai-node replaces its snapshot with the .done text and the final response, so the two silently disagree',
  evidence: 'openai-node src/internal/responses/response-accumulator.ts (output_text.delta appends, output_text.done and content_part.done replace); @ai-sdk/openai text-delta from output_text.delta',
  run: (input) =>
    withResponsesStream(input, (stream) => {
      const { items } = streamItems(stream);
      const messages = items.filter((i) => i.added.item.type === 'message' && i.parts.size > 0);
      if (messages.length === 0) return skip('the stream carried no text');
      const final = finalResponse(stream);
      for (const item of messages) {
        for (const part of item.parts.values()) {
          const verdict = judgePart(item, part, final);
          if (verdict) return verdict;
        }
      }
      return pass();
    }),
};

function judgePart(item: StreamItem, part: TextPart, final: ReturnType<typeof finalResponse>): Verdict | undefined {
  const ci = part.contentIndex;
  const finalItem = final?.response.output?.find?.((o: unknown) => isRecord(o) && o.id === item.added.item.id);
  const stated: [string, unknown, string][] = [
    ['response.output_text.done text', part.textDone?.text, part.textDone ? `/events/${part.textDone.n}/text` : ''],
    ['response.content_part.done part.text', part.partDone?.text, part.partDone ? `/events/${part.partDone.n}/part/text` : ''],
    ['response.output_item.done content text', item.done?.item.content?.[ci]?.text, item.done ? `/events/${item.done.n}/item/content/${ci}/text` : ''],
    [`${final?.type} output text`, finalItem?.content?.[ci]?.text, final ? `/events/${final.n}/response/output` : ''],
  ];
  for (const [where, text, pointer] of stated) {
    if (text === undefined) continue;
    if (text !== part.deltas) {
      return fail(`the ${where} differs from the ${part.deltaCount} delta(s) concatenated`, { expected: show(part.deltas, 160), received: show(text, 160), pointer });
    }
  }
  return undefined;
}
