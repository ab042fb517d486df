// Every event of a legacy completion stream is a JSON text_completion chunk (or the final
// [DONE]): the SDKs parse each one and throw on anything else.
import type { Check } from '../../types.ts';
import { schemaVerdict } from '../chat/body.ts';
import { withStream } from '../streaming/parse-stream.ts';
import { fail, pass, show } from '../verdict.ts';

export const completionsStreamChunks: Check = {
  id: 'completions.stream-chunks',
  capability: 'completions',
  level: 'MUST',
  title: 'Every stream event is a text_completion chunk (choices[].text) or [DONE]',
  spec: 'OpenAPI CreateCompletionResponse ("both the streamed and non-streamed response objects share the same shape")',
  kind: 'protocol',
  consequence:
    'openai-node and openai-python JSON-parse every data line and throw on one that is not JSON or that carries an error; the AI SDK validates each chunk (choices[].text string, index number) and ends the stream with an error part; a chat-shaped chunk leaves choices[0].text undefined.',
  evidence:
    'openai-node Stream.fromSSEResponse (node_modules/openai/src/core/streaming.ts); @ai-sdk/openai openaiCompletionChunkSchema (node_modules/@ai-sdk/openai/src/completion/openai-completion-api.ts)',
  run: (input) =>
    withStream(input, ({ events }) => {
      for (const e of events) {
        if (e.done) continue;
        if (e.json === undefined) return fail(`event ${e.n} is not JSON: ${e.jsonError}`, { expected: 'a JSON chunk', received: show(e.data, 160), pointer: `/events/${e.n}` });
        if (e.error) return fail(`event ${e.n} is an error payload: the SDKs throw it`, { expected: 'a text_completion chunk', received: show(e.data, 160), pointer: `/events/${e.n}` });
        const verdict = schemaVerdict('text-completion', e.json, `event ${e.n}`);
        if (verdict.status !== 'pass') return { ...verdict, pointer: `/events/${e.n}${verdict.pointer === '/' ? '' : verdict.pointer}` };
      }
      return pass();
    }),
};
