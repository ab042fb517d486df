// output_index and content_index place every event in the response being built: items are
// appended in order, and text events point at a part that was announced (S02).
import type { Check, Verdict } from '../../types.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { LIFECYCLE, withResponsesStream, type TypedEvent } from './events.ts';

const CONTENT_EVENT = /^response\.(content_part|output_text|refusal|reasoning_text)\./;

export const responsesStreamIndices: Check = {
  id: 'responses.stream-indices',
  capability: 'responses',
  level: 'MUST',
  kind: 'protocol',
  title: 'output_index and content_index are present and point at announced items and parts',
  spec: 'OpenAPI ResponseOutputItemAddedEvent, ResponseTextDeltaEvent (output_index, content_index required); docs/deviations.md#s02',
  consequence:
    'openai-node\'s responses.stream() throws "missing output at index …" / "missing content at index …" and openai-python\'s helper crashes indexing its snapshot; the Vercel AI SDK drops output_item events without output_index, so tool calls lose their arguments (S02)',
  evidence: 'openai-node src/internal/responses/response-accumulator.ts validateArrayAppend, getOutput, getContent; ggml-org/llama.cpp#20607',
  run: (input) =>
    withResponsesStream(input, ({ typed }) => {
      const scoped = typed.filter((e) => !LIFECYCLE.has(e.type) && e.type !== 'error' && ('item_id' in e.event || 'item' in e.event));
      if (scoped.length === 0) return skip('the stream carried no item events');
      const parts: number[] = [];
      for (const e of scoped) {
        const verdict = judgeEvent(e, parts);
        if (verdict) return verdict;
      }
      return pass();
    }),
};

/** `parts[i]` counts the content parts announced for output item i. */
function judgeEvent(e: TypedEvent, parts: number[]): Verdict | undefined {
  const at = (field: string) => `/events/${e.n}/${field}`;
  const index = e.event.output_index;
  if (!Number.isInteger(index)) return fail(`${e.type} carries no integer output_index`, { expected: 'output_index: integer', received: show(e.event, 160), pointer: at('output_index') });
  if (e.type === 'response.output_item.added') {
    if (index !== parts.length) return fail(`output_item.added announces output_index ${index}, but ${parts.length} item(s) came before`, { expected: `output_index ${parts.length}`, received: `${index}`, pointer: at('output_index') });
    parts.push(0);
    return undefined;
  }
  if (index >= parts.length) return fail(`${e.type} points at output_index ${index}, which no output_item.added announced`, { expected: `an index below ${parts.length}`, received: `${index}`, pointer: at('output_index') });
  if (!CONTENT_EVENT.test(e.type)) return undefined;
  const content = e.event.content_index;
  if (!Number.isInteger(content)) return fail(`${e.type} carries no integer content_index`, { expected: 'content_index: integer', received: show(e.event, 160), pointer: at('content_index') });
  if (e.type === 'response.content_part.added') {
    if (content !== parts[index]) return fail(`content_part.added announces content_index ${content}, but item ${index} has ${parts[index]} part(s)`, { expected: `content_index ${parts[index]}`, received: `${content}`, pointer: at('content_index') });
    parts[index] += 1;
    return undefined;
  }
  if (content >= parts[index] && !e.type.startsWith('response.reasoning_text.')) {
    return fail(`${e.type} points at content_index ${content} of item ${index}, which no content_part.added announced`, { expected: `a content_index below ${parts[index]}`, received: `${content}`, pointer: at('content_index') });
  }
  return undefined;
}
