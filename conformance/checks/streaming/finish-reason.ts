// Every choice of a stream must end with a finish_reason clients know. openai-node's stream helper
// throws "missing finish_reason" without one (F13: an error swallowed mid-stream looks like this),
// and strict enum parsers throw on values such as "abort" or "eos" (F08). A repeated identical
// reason and content after it are spec letter only: every client keeps reading and keeps the last.
import type { Check, Verdict } from '../../types.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { choicesOf, FINISH_REASONS, withStream, type StreamChoice } from './parse-stream.ts';

export const streamingFinishReason: Check = {
  id: 'streaming.finish-reason',
  capability: 'streaming',
  level: 'MUST',
  kind: 'protocol',
  title: 'Every choice ends with a finish_reason from the enum',
  spec: 'OpenAPI CreateChatCompletionStreamResponse.choices[].finish_reason; docs/deviations.md#f08, #f13',
  consequence:
    'openai-node\'s ChatCompletionStream (client.chat.completions.stream, runTools) throws "missing finish_reason for choice N" when a choice never finishes, and clients without that helper record a cut-off reply as complete; openai-dotnet throws "Unknown ChatFinishReason value" on values outside the enum; two different reasons leave clients with the last one.',
  evidence:
    'openai-node finalizeChatCompletion (node_modules/openai/src/lib/ChatCompletionStream.ts); openai/openai-dotnet#267 (docs/deviations.md#f08); recordings snowflake-cortex:pydantic-ai:test_snowflake_model_streaming#0 (no finish_reason)',
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
      received: 'finish_reason null or absent on every chunk',
      pointer: `/events/${last.n}/choices/${last.i}/finish_reason`,
    });
  }
  const unknown = finishes.find((f) => !FINISH_REASONS.includes(f.choice.finish_reason));
  if (unknown) {
    return fail(`finish_reason ${show(unknown.choice.finish_reason)} is not one of OpenAI's values; strict clients throw`, {
      expected: FINISH_REASONS.join(' | '),
      received: show(unknown.choice.finish_reason),
      pointer: `/events/${unknown.n}/choices/${unknown.i}/finish_reason`,
    });
  }
  const reasons = [...new Set(finishes.map((f) => f.choice.finish_reason))];
  if (reasons.length > 1) {
    const other = finishes.find((f) => f.choice.finish_reason !== finishes[0].choice.finish_reason)!;
    return fail(`choice ${index} received different finish_reasons (${reasons.map((r) => show(r)).join(', ')}); clients keep the last`, {
      expected: 'one finish_reason per choice',
      received: finishes.map((f) => show(f.choice.finish_reason)).join(', '),
      pointer: `/events/${other.n}/choices/${other.i}/finish_reason`,
    });
  }
  return undefined;
}
