// A chunk with choices: [] crashes the documented `chunk.choices[0]` loop; only the requested usage
// chunk and OpenAI's moderation chunk may have one.
import type { Check } from '../../types.ts';
import { fail, pass, show } from '../verdict.ts';
import { hasUsage, isRecord, withStream } from './parse-stream.ts';

export const streamingEmptyChoices: Check = {
  id: 'streaming.empty-choices',
  capability: 'streaming',
  level: 'MUST',
  kind: 'protocol',
  consequence:
    "The documented loop reading chunk.choices[0] raises IndexError (openai-python) or TypeError (openai-node) on a chunk with choices: [] that is neither the requested usage chunk nor OpenAI's documented moderation chunk.",
  evidence:
    "openai-python ChatCompletionStream drops Azure's content-filter preamble (src/openai/lib/streaming/chat/_completions.py, docs/deviations.md#f12); recording openai:pydantic-ai:test_openai_moderation_stream#0 (the moderation chunk OpenAI sends)",
  title: "choices: [] only on the usage chunk (or OpenAI's moderation chunk)",
  spec: 'OpenAPI CreateChatCompletionStreamResponse.choices ("Can also be empty for the last chunk if you set include_usage"), moderation; docs/deviations.md#f12',
  run: (input) =>
    withStream(input, ({ chunks }) => {
      // OpenAI documents a moderation chunk with choices: [] when moderated completions are requested
      const empty = chunks.filter(({ chunk }) => Array.isArray(chunk.choices) && chunk.choices.length === 0 && !hasUsage(chunk) && !isRecord(chunk.moderation));
      if (empty.length === 0) return pass();
      const first = empty[0];
      return fail(`${empty.length} chunk(s) with choices: [] are not the usage chunk; clients reading choices[0] crash`, {
        expected: 'at least one choice on every chunk except the usage chunk and a moderation chunk',
        received: show(first.chunk, 160),
        pointer: `/events/${first.n}/choices`,
      });
    }),
};
