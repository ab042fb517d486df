// A reply of several visible tokens arrives in several content chunks, or the stream was buffered
// (F36). Hidden reasoning tokens are not reply tokens.
import type { Check } from '../../types.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { choicesOf, hasUsage, withStream } from './parse-stream.ts';

export const streamingIncremental: Check = {
  id: 'streaming.incremental',
  capability: 'streaming',
  level: 'SHOULD',
  kind: 'protocol',
  consequence:
    'Streaming UIs show nothing until the whole reply is ready, and long replies run into client timeouts: the documented point of streaming is lost.',
  evidence:
    'ollama/ollama#9084, #9632 (docs/deviations.md#f36); hidden reasoning tokens are not counted (recording zai:pydantic-ai:test_zai_thinking_stream#0)',
  title: 'A reply of several tokens arrives in several content chunks',
  spec: 'OpenAPI stream semantics (partial message deltas); docs/deviations.md#f36',
  run: (input) =>
    withStream(input, (stream) => {
      const pieces = choicesOf(stream).filter((e) => e.index === 0 && typeof e.delta.content === 'string' && e.delta.content.length > 0);
      const text = pieces.map((e) => e.delta.content as string).join('');
      if (text.length === 0) return skip('choice 0 streamed no content');
      const tokens = visibleTokens(stream.chunks.find(({ chunk }) => hasUsage(chunk))?.chunk.usage);
      if (!severalTokens(text, tokens)) return skip('the reply was a single token, which cannot arrive in pieces');
      if (pieces.length > 1) return pass();
      return fail('the whole reply arrived in one chunk; the stream was buffered, so UIs show nothing until the end', {
        expected: 'content spread over several chunks',
        received: `1 content chunk holding ${show(text, 80)}${tokens === undefined ? '' : ` (${tokens} tokens)`}`,
        pointer: `/events/${pieces[0].n}/choices/${pieces[0].i}/delta/content`,
      });
    }),
};

/**
 * The reply tokens a client sees: completion_tokens without the hidden reasoning tokens, which
 * reasoning models count there (gpt-5, o-series, GLM) but never stream as content.
 */
function visibleTokens(usage: any): number | undefined {
  if (!Number.isInteger(usage?.completion_tokens)) return undefined;
  const reasoning = usage.completion_tokens_details?.reasoning_tokens;
  return usage.completion_tokens - (Number.isInteger(reasoning) ? reasoning : 0);
}

/**
 * Two words or a long word are several tokens; a reported count of one says otherwise. A count
 * alone is not enough: servers count end-of-turn tokens too ("4" reported as 5 tokens).
 */
function severalTokens(text: string, tokens: number | undefined): boolean {
  const looksSeveral = text.trim().split(/\s+/).length > 1 || text.trim().length > 12;
  return looksSeveral && (tokens === undefined || tokens > 1);
}
