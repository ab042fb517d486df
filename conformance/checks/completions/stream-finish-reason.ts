// Each streamed choice ends once, with a finish_reason the spec defines, and no text after it.
import type { Check } from '../../types.ts';
import { isRecord, withStream } from '../streaming/parse-stream.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { FINISH_REASONS } from './text.ts';

export const completionsStreamFinishReason: Check = {
  id: 'completions.stream-finish-reason',
  capability: 'completions',
  level: 'SHOULD',
  title: 'Each streamed choice gets one finish_reason (stop, length or content_filter), with no text after it',
  spec: 'OpenAPI CreateCompletionResponse.choices[].finish_reason',
  kind: 'protocol',
  consequence:
    'The AI SDK reports finish reason "other" (none, or an unknown one), so callers cannot tell a complete text from one cut by max_tokens; text after the finish is shown but was never meant to be.',
  evidence: '@ai-sdk/openai OpenAICompletionLanguageModel.doStream (node_modules/@ai-sdk/openai/src/completion/openai-completion-language-model.ts), mapOpenAIFinishReason',
  run: (input) =>
    withStream(input, ({ chunks }) => {
      const finished = new Map<number, number>();
      for (const { n, chunk } of chunks) {
        for (const [i, choice] of (Array.isArray(chunk.choices) ? chunk.choices : []).entries()) {
          if (!isRecord(choice)) continue;
          const index = Number.isInteger(choice.index) ? choice.index : i;
          const pointer = `/events/${n}/choices/${i}`;
          if (finished.has(index) && (choice.finish_reason != null || (typeof choice.text === 'string' && choice.text !== ''))) {
            return fail(`choice ${index} continues after its finish_reason (event ${finished.get(index)})`, { expected: 'nothing more for a finished choice', received: show(choice, 160), pointer });
          }
          if (choice.finish_reason == null) continue;
          if (!FINISH_REASONS.includes(choice.finish_reason)) {
            return fail(`finish_reason ${show(choice.finish_reason)} is not one the spec defines`, { expected: FINISH_REASONS.join(' | '), received: show(choice.finish_reason), pointer: `${pointer}/finish_reason` });
          }
          finished.set(index, n);
        }
      }
      if (chunks.length === 0) return skip('no chunks (see completions.stream-chunks)');
      if (finished.size === 0) return fail('no chunk carried a finish_reason', { expected: 'a finish_reason on the last chunk of each choice', received: 'finish_reason null throughout' });
      return pass();
    }),
};
