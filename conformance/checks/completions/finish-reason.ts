// finish_reason takes the spec's values; clients map anything else to "other".
import type { Check } from '../../types.ts';
import { withBody } from '../chat/body.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { FINISH_REASONS } from './text.ts';

export const completionsFinishReason: Check = {
  id: 'completions.finish-reason',
  capability: 'completions',
  level: 'SHOULD',
  title: 'finish_reason is stop, length or content_filter',
  spec: 'OpenAPI CreateCompletionResponse.choices[].finish_reason',
  kind: 'protocol',
  consequence:
    'The AI SDK maps an unknown finish_reason to "other", so callers cannot tell a complete answer from one cut by max_tokens.',
  evidence: '@ai-sdk/openai mapOpenAIFinishReason (node_modules/@ai-sdk/openai/src/completion/map-openai-finish-reason.ts)',
  run: (input) =>
    withBody(input, (body) => {
      if (!Array.isArray(body.choices) || body.choices.length === 0) return skip('no choices (see completions.schema)');
      const odd = body.choices.findIndex((c: any) => c?.finish_reason !== null && !FINISH_REASONS.includes(c?.finish_reason));
      if (odd === -1) return pass();
      return fail(`choices[${odd}].finish_reason ${show(body.choices[odd]?.finish_reason)} is not one the spec defines`, {
        expected: FINISH_REASONS.join(' | '),
        received: show(body.choices[odd]?.finish_reason),
        pointer: `/choices/${odd}/finish_reason`,
      });
    }),
};
