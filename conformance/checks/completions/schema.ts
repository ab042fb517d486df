// A legacy completion is a text_completion object whose choices carry text, not messages.
import type { Check } from '../../types.ts';
import { schemaVerdict, withBody } from '../chat/body.ts';

export const completionsSchema: Check = {
  id: 'completions.schema',
  capability: 'completions',
  level: 'MUST',
  title: 'The answer matches the CreateCompletionResponse schema (choices[].text)',
  spec: 'OpenAPI CreateCompletionResponse',
  kind: 'protocol',
  consequence:
    'The AI SDK validates choices[].text and finish_reason as strings with zod and throws a TypeValidationError; openai-node and openai-python return the body as is, so code reading choices[0].text gets undefined (a chat-shaped answer keeps its text in choices[0].message).',
  evidence:
    '@ai-sdk/openai openaiCompletionResponseSchema (node_modules/@ai-sdk/openai/src/completion/openai-completion-api.ts); emulator quirk completions-chat-shape (conformance/test/mutation.test.ts)',
  run: (input) =>
    withBody(input, (body) => {
      const shape = schemaVerdict('text-completion', body, 'the completion');
      if (shape.status !== 'pass') return shape;
      const nullReason = (body.choices as Record<string, unknown>[]).findIndex((c) => c.finish_reason === null);
      if (nullReason === -1) return shape;
      return { status: 'fail', message: `choices[${nullReason}].finish_reason is null in a finished completion`, expected: 'a string finish_reason', received: 'null', pointer: `/choices/${nullReason}/finish_reason` };
    }),
};
