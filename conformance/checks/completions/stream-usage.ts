// With stream_options.include_usage, usage is null on every chunk but one final chunk with no
// choices; Ollama puts a zero usage object on every chunk (S26).
import type { Check } from '../../types.ts';
import { includeUsage, withStream } from '../streaming/parse-stream.ts';
import { fail, pass, show, skip } from '../verdict.ts';

export const completionsStreamUsage: Check = {
  id: 'completions.stream-usage',
  capability: 'completions',
  level: 'SHOULD',
  title: 'With include_usage, only a final chunk with no choices carries usage; the others have usage null',
  spec: 'OpenAPI ChatCompletionStreamOptions.include_usage (shared by /completions); docs/deviations.md#s26',
  kind: 'protocol',
  consequence:
    'Token accounting goes wrong: code that takes the first chunk with a usage object as the total (the pattern for chat streams, where only the last has one) records zero tokens, and code that adds up every usage object counts the real total next to a row of zeros; the AI SDK keeps the last one and is unaffected.',
  evidence:
    'Ollama ToCompleteChunk sets usage on every chunk when include_usage is on (openai/openai.go, docs/deviations.md#s26); @ai-sdk/openai doStream keeps the last usage',
  run: (input) => {
    if (!includeUsage(input.request)) return skip('the request did not ask for usage (stream_options.include_usage)');
    return withStream(input, ({ chunks }) => {
      if (chunks.length === 0) return skip('no chunks (see completions.stream-chunks)');
      const carrying = chunks.filter(({ chunk }) => chunk.usage !== undefined && chunk.usage !== null);
      const last = chunks[chunks.length - 1];
      if (carrying.length === 0) return fail('include_usage was requested but no chunk carried usage', { expected: 'a final chunk with usage', received: 'usage null or absent throughout' });
      const early = carrying.find((c) => c !== last);
      if (early) {
        return fail(`${carrying.length} chunks carry a usage object, not just the final one: code that takes the first usage it sees records ${show(early.chunk.usage?.total_tokens)} tokens`, {
          expected: 'usage null on every chunk but the last',
          received: `event ${early.n}: usage ${show(early.chunk.usage)}`,
          pointer: `/events/${early.n}/usage`,
        });
      }
      if (Array.isArray(last.chunk.choices) && last.chunk.choices.length > 0) {
        return fail('the usage chunk also carries choices', { expected: 'choices []', received: show(last.chunk.choices, 120), pointer: `/events/${last.n}/choices` });
      }
      return pass();
    });
  },
};
