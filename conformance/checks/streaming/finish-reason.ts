import type { Check, Verdict } from '../../types.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { choicesOf, FINISH_REASONS, withStream, type StreamChoice } from './parse-stream.ts';

export const streamingFinishReason: Check = {
  id: 'streaming.finish-reason',
  capability: 'streaming',
  level: 'MUST',
  kind: 'protocol',
  title: 'Exactly one finish_reason per choice, in the enum, after the last content',
  spec: 'OpenAPI CreateChatCompletionStreamResponse.choices[].finish_reason; wire-facts F08, F13',
  run: (input) =>
    withStream(input, (stream) => {
      if (stream.errors.length > 0) return skip('the stream reported an error (judged by streaming.error-event)');
      const entries = choicesOf(stream);
      if (entries.length === 0) {
        return fail('no chunk carried a choice', { expected: 'choices with deltas and a finish_reason', received: 'none' });
      }
      const byChoice = new Map<number, StreamChoice[]>();
      for (const e of entries) byChoice.set(e.index, [...(byChoice.get(e.index) ?? []), e]);
      for (const [index, list] of byChoice) {
        const verdict = judgeChoice(index, list);
        if (verdict) return verdict;
      }
      return pass();
    }),
};

function judgeChoice(index: number, list: StreamChoice[]): Verdict | undefined {
  const finishes = list.filter((e) => e.choice.finish_reason !== null && e.choice.finish_reason !== undefined);
  const last = list[list.length - 1];
  if (finishes.length === 0) {
    return fail(`choice ${index} never received a finish_reason; the reply may have been cut off silently`, {
      expected: 'one chunk with a non-null finish_reason',
      received: 'finish_reason null on every chunk',
      pointer: `/events/${last.n}/choices/${last.i}/finish_reason`,
    });
  }
  const [finish, second] = finishes;
  if (second) {
    return fail(`choice ${index} received ${finishes.length} finish_reasons`, {
      expected: 'exactly one non-null finish_reason',
      received: finishes.map((f) => show(f.choice.finish_reason)).join(', '),
      pointer: `/events/${second.n}/choices/${second.i}/finish_reason`,
    });
  }
  if (!FINISH_REASONS.includes(finish.choice.finish_reason)) {
    return fail(`finish_reason ${show(finish.choice.finish_reason)} is not one of OpenAI's values; strict clients throw`, {
      expected: FINISH_REASONS.join(' | '),
      received: show(finish.choice.finish_reason),
      pointer: `/events/${finish.n}/choices/${finish.i}/finish_reason`,
    });
  }
  const late = list.find((e) => e.n > finish.n && carriesContent(e.delta));
  if (late) {
    return fail(`choice ${index} streams content after its finish_reason; clients stop reading the choice there`, {
      expected: 'no content after the finish_reason chunk',
      received: show(late.delta, 120),
      pointer: `/events/${late.n}/choices/${late.i}/delta`,
    });
  }
  return undefined;
}

function carriesContent(delta: Record<string, any>): boolean {
  const text = (v: unknown) => typeof v === 'string' && v.length > 0;
  return text(delta.content) || text(delta.refusal) || (Array.isArray(delta.tool_calls) && delta.tool_calls.length > 0);
}
