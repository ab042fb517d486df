// With include_usage the spec wants "usage": null on every other chunk; omitting the key is
// common and harmless, so this is advice.
import type { Check } from '../../types.ts';
import { fail, pass, show, skip, warn } from '../verdict.ts';
import { hasUsage, includeUsage, withStream } from './parse-stream.ts';

export const streamingUsageNullElsewhere: Check = {
  id: 'streaming.usage-null-elsewhere',
  capability: 'streaming',
  level: 'MAY',
  kind: 'protocol',
  consequence:
    'No official client distinguishes an absent usage key from null; only code testing `usage === null` misreads it.',
  evidence:
    'Ollama, llama.cpp and vLLM omit the key (docs/deviations.md#spec-letter)',
  title: 'With include_usage, chunks other than the usage chunk carry "usage": null',
  spec: 'OpenAPI ChatCompletionStreamOptions.include_usage ("All other chunks will also include a usage field, but with a null value")',
  run: (input) => {
    if (!includeUsage(input.request)) return skip('the request did not set stream_options.include_usage');
    return withStream(input, ({ chunks }) => {
      const carriers = chunks.filter(({ chunk }) => hasUsage(chunk));
      const usageChunk = carriers[carriers.length - 1];
      const others = chunks.filter((c) => c !== usageChunk);
      if (others.length === 0) return skip('the stream carried no chunk besides the usage chunk');
      const early = others.find(({ chunk }) => hasUsage(chunk));
      if (early) {
        return fail('a chunk before the usage chunk carries non-null usage', {
          expected: 'usage: null',
          received: show(early.chunk.usage, 120),
          pointer: `/events/${early.n}/usage`,
        });
      }
      const missing = others.filter(({ chunk }) => !('usage' in chunk));
      if (missing.length === 0) return pass();
      // Omitting the key is common (Ollama, llama.cpp, vLLM) and most clients treat it as null.
      return warn(`${missing.length} of ${others.length} chunks omit the usage key; clients that test usage === null misread them`, {
        expected: 'usage: null on every chunk but the usage chunk',
        received: 'usage key absent',
        pointer: `/events/${missing[0].n}`,
      });
    });
  },
};
