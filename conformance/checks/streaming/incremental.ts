import type { Check } from '../../types.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { choicesOf, hasUsage, withStream } from './parse-stream.ts';

export const streamingIncremental: Check = {
  id: 'streaming.incremental',
  capability: 'streaming',
  level: 'SHOULD',
  kind: 'protocol',
  title: 'A reply of several tokens arrives in several content chunks',
  spec: 'OpenAPI stream semantics (partial message deltas); wire-facts F36',
  run: (input) =>
    withStream(input, (stream) => {
      const pieces = choicesOf(stream).filter((e) => e.index === 0 && typeof e.delta.content === 'string' && e.delta.content.length > 0);
      const text = pieces.map((e) => e.delta.content as string).join('');
      if (text.length === 0) return skip('choice 0 streamed no content');
      const usage = stream.chunks.find(({ chunk }) => hasUsage(chunk))?.chunk.usage;
      const tokens = Number.isInteger(usage?.completion_tokens) ? (usage.completion_tokens as number) : undefined;
      if (!severalTokens(text, tokens)) return skip('the reply was a single token');
      if (pieces.length > 1) return pass();
      return fail('the whole reply arrived in one chunk; the stream was buffered, so UIs show nothing until the end', {
        expected: 'content spread over several chunks',
        received: `1 content chunk holding ${show(text, 80)}${tokens === undefined ? '' : ` (${tokens} tokens)`}`,
        pointer: `/events/${pieces[0].n}/choices/${pieces[0].i}/delta/content`,
      });
    }),
};

/** Token count when the stream reported one; otherwise two words or a long word surely are. */
function severalTokens(text: string, tokens: number | undefined): boolean {
  if (tokens !== undefined) return tokens > 1;
  return text.trim().split(/\s+/).length > 1 || text.trim().length > 12;
}
