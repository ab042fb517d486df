// Every client builds the reply by concatenating delta.content. A server that sends the whole
// text so far in every delta (F41) makes that concatenation repeat the answer ("Red", "Red,
// green", … → "RedRed, green…"), and no client notices. A delta that merely repeats the previous
// one ("ha", "ha") is legitimate text; only deltas that each extend the one before are cumulative.
import type { Check } from '../../types.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { choicesOf, withStream, type StreamChoice } from './parse-stream.ts';

export const streamingNoCumulativeDeltas: Check = {
  id: 'streaming.no-cumulative-deltas',
  capability: 'streaming',
  level: 'MUST',
  kind: 'protocol',
  title: 'Each content delta carries only new text, not the whole text so far',
  spec: 'OpenAPI ChatCompletionStreamResponseDelta.content ("the contents of the chunk message"); docs/deviations.md#f41',
  consequence:
    'openai-node, openai-python and the AI SDK append every delta.content to what they hold, so cumulative deltas silently become the answer repeated many times over ("RedRed, greenRed, green, blue") in the final message.',
  evidence:
    'openai-node ChatCompletionStream #accumulateChatCompletion (node_modules/openai/src/lib/ChatCompletionStream.ts: content is appended); openai-python accumulate_delta concatenates strings (docs/deviations.md#clients); emulator quirk cumulative-deltas (conformance/test/mutation.test.ts)',
  run: (input) =>
    withStream(input, (stream) => {
      const byChoice = new Map<number, StreamChoice[]>();
      for (const e of choicesOf(stream)) {
        if (typeof e.delta.content !== 'string' || e.delta.content === '') continue;
        byChoice.set(e.index, [...(byChoice.get(e.index) ?? []), e]);
      }
      if (byChoice.size === 0) return skip('the stream carried no content deltas');
      for (const [index, deltas] of byChoice) {
        const texts = deltas.map((d) => d.delta.content as string);
        if (!cumulative(texts)) continue;
        const last = deltas[deltas.length - 1];
        return fail(`the content deltas of choice ${index} each repeat the text before them; clients concatenate them into the answer repeated`, {
          expected: 'each delta holds only the text that is new since the previous one',
          received: `${texts.length} deltas, e.g. ${texts.slice(0, 3).map((t) => show(t, 40)).join(', ')}; concatenated ${show(texts.join(''), 80)} instead of ${show(texts[texts.length - 1], 60)}`,
          pointer: `/events/${last.n}/choices/${last.i}/delta/content`,
        });
      }
      return pass();
    }),
};

/**
 * Most consecutive deltas extend the one before (the next starts with it and is longer), at least
 * twice: a token that happens to extend the previous one occurs, but not as the rule of a stream.
 */
export function cumulative(texts: string[]): boolean {
  let extending = 0;
  for (let i = 1; i < texts.length; i++) {
    if (texts[i].length > texts[i - 1].length && texts[i].startsWith(texts[i - 1])) extending += 1;
  }
  return extending >= 2 && extending >= 0.8 * (texts.length - 1);
}
