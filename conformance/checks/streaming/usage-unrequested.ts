import type { Check } from '../../types.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { hasUsage, includeUsage, withStream } from './parse-stream.ts';

export const streamingUsageUnrequested: Check = {
  id: 'streaming.usage-unrequested',
  capability: 'streaming',
  level: 'MUST',
  kind: 'protocol',
  title: 'No usage in a stream that did not ask for it',
  spec: 'OpenAPI ChatCompletionStreamOptions.include_usage; wire-facts F09',
  run: (input) => {
    if (includeUsage(input.request)) return skip('the request set stream_options.include_usage');
    return withStream(input, ({ chunks }) => {
      const found = chunks.find(({ chunk }) => hasUsage(chunk));
      if (!found) return pass();
      return fail('usage was streamed although stream_options.include_usage was not set; clients reading choices[0] of that chunk crash', {
        expected: 'no usage (absent or null) on every chunk',
        received: `usage ${show(found.chunk.usage, 120)} with choices ${show(found.chunk.choices, 60)}`,
        pointer: `/events/${found.n}/usage`,
      });
    });
  },
};
