// Without include_usage there must be no usage-only chunk (choices: []): the documented
// `chunk.choices[0]` loop crashes on it (F09).
import type { Check } from '../../types.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { hasUsage, includeUsage, withStream } from './parse-stream.ts';

export const streamingUsageUnrequested: Check = {
  id: 'streaming.usage-unrequested',
  capability: 'streaming',
  level: 'MUST',
  kind: 'protocol',
  consequence:
    'The documented loop `for chunk in stream: chunk.choices[0].delta` raises IndexError (openai-python) or TypeError (openai-node) on a usage-only chunk the client never asked for. Usage riding on a chunk that also has a choice costs nothing.',
  evidence:
    'ggml-org/llama.cpp#16048, Arthur-Ficial/apfel#100 (docs/deviations.md#f09); recording hf-router/novita:pydantic-ai:test_cancel_recorded_provider_stream[huggingface]#1',
  title: 'No usage-only chunk in a stream that did not ask for it',
  spec: 'OpenAPI ChatCompletionStreamOptions.include_usage; docs/deviations.md#f09',
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
