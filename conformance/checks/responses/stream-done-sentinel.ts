// `data: [DONE]` belongs to Chat Completions; a Responses stream ends with its terminal event (S16).
import type { Check } from '../../types.ts';
import { fail, pass } from '../verdict.ts';
import { withResponsesStream } from './events.ts';

export const responsesStreamDoneSentinel: Check = {
  id: 'responses.stream-done-sentinel',
  capability: 'responses',
  level: 'MAY',
  kind: 'protocol',
  title: 'No data: [DONE] after a Responses stream',
  spec: 'OpenAPI createResponse "Streaming" example (no [DONE]); docs/deviations.md#s16',
  consequence:
    'openai-node, openai-python and the Vercel AI SDK all stop at or ignore [DONE]; a hand-written client that JSON-decodes every data line fails on it',
  evidence: 'openai-node src/core/streaming.ts (break on [DONE]); @ai-sdk/provider-utils parse-json-event-stream.ts (ignores [DONE])',
  run: (input) =>
    withResponsesStream(input, ({ events }) => {
      const done = events.find((e) => e.done);
      if (!done) return pass();
      return fail('the Responses stream carries data: [DONE], which is not part of its contract', { expected: 'the stream ends after the terminal event', received: 'data: [DONE]', pointer: `/events/${done.n}` });
    }),
};
