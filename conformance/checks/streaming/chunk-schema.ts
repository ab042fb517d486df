import type { Check } from '../../types.ts';
import { validate } from '../../schemas/validate.ts';
import { fail, pass, skip } from '../verdict.ts';
import { withStream } from './parse-stream.ts';

export const streamingChunkSchema: Check = {
  id: 'streaming.chunk-schema',
  capability: 'streaming',
  level: 'MUST',
  kind: 'protocol',
  title: 'Every chunk is a valid chat.completion.chunk',
  spec: 'OpenAPI CreateChatCompletionStreamResponse; wire-facts F10',
  run: (input) =>
    withStream(input, ({ events }) => {
      // Error events and non-JSON payloads are judged by streaming.error-event and streaming.data-json.
      const judged = events.filter((e) => e.json !== undefined && !e.error);
      if (judged.length === 0) return skip('the stream carried no JSON chunk');
      let invalid = 0;
      let first: { n: number; errors: Array<{ pointer: string; message: string }> } | undefined;
      for (const e of judged) {
        const result = validate('chat-completion-chunk', e.json);
        if (result.ok) continue;
        invalid += 1;
        first ??= { n: e.n, errors: result.errors };
      }
      if (!first) return pass();
      const head = first.errors[0];
      return fail(`${invalid} of ${judged.length} chunks do not match the chat.completion.chunk schema`, {
        expected: 'a chunk valid against CreateChatCompletionStreamResponse',
        received: first.errors.map((err) => `${err.pointer}: ${err.message}`).join('; '),
        pointer: `/events/${first.n}${head.pointer === '/' ? '' : head.pointer}`,
      });
    }),
};
