// Structured outputs exist so that clients can JSON.parse the reply without a fallback.
import type { Check } from '../../types.ts';
import { fail, pass, show } from '../verdict.ts';
import { parseJson, withReply } from './content.ts';

export const structuredOutputsValidJson: Check = {
  id: 'structured_outputs.valid-json',
  capability: 'structured_outputs',
  level: 'MUST',
  title: 'With response_format json_schema, the content (concatenated for streams) parses as JSON',
  spec: 'OpenAPI ResponseFormatJsonSchema; docs/deviations.md#f26',
  kind: 'behaviour',
  consequence:
    'openai-node\'s chat.completions.parse() throws SyntaxError "invalid structured output JSON" (openai-python\'s parse() raises too); the AI SDK\'s generateObject throws. A refusal (message.refusal) or a tool call is a documented answer, not a failure.',
  evidence:
    'openai-node parseResponseFormat (node_modules/openai/src/lib/parser.ts); recording openai:pydantic-ai:test_openai_native_output#0',
  run: (input) =>
    withReply(input, ({ text, pointer }) => {
      const parsed = parseJson(text);
      if (parsed.ok) return pass();
      return fail(`the content is not JSON: ${parsed.error}`, { expected: 'JSON text', received: show(text), pointer });
    }),
};
