import type { Check } from '../../types.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { hasUsage, includeUsage, withStream } from './parse-stream.ts';

export const streamingUsageUnrequested: Check = {
  id: 'streaming.usage-unrequested',
  capability: 'streaming',
  level: 'MUST',
  kind: 'protocol',
  title: 'No usage-only chunk in a stream that did not ask for it',
  spec: 'OpenAPI ChatCompletionStreamOptions.include_usage; wire-facts F09',
  run: (input) => {
    if (input.request === undefined) return skip('the request is unknown, so whether usage was asked for is too');
    if (includeUsage(input.request)) return skip('the request set stream_options.include_usage');
    return withStream(input, ({ chunks }) => {
      // usage riding on a chunk that also carries a choice costs a client nothing
      const found = chunks.find(({ chunk }) => hasUsage(chunk) && !(Array.isArray(chunk.choices) && chunk.choices.length > 0));
      if (!found) return pass();
      return fail('a usage-only chunk was streamed although stream_options.include_usage was not set; clients reading choices[0] of every chunk crash on it', {
        expected: 'no chunk without choices (usage absent, null, or riding on a chunk that has a choice)',
        received: `usage ${show(found.chunk.usage, 120)} with choices ${show(found.chunk.choices, 60)}`,
        pointer: `/events/${found.n}/usage`,
      });
    });
  },
};
