// A json_schema that is silently ignored (F26) yields free text or a different shape, and the
// client's typed parse fails downstream, far from the cause.
import type { Check } from '../../types.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { parseJson, withReply } from './content.ts';
import { compileRequestedSchema } from './requested-schema.ts';

export const structuredOutputsSchemaValid: Check = {
  id: 'structured_outputs.schema-valid',
  capability: 'structured_outputs',
  level: 'MUST',
  title: 'The content validates against the requested JSON Schema',
  spec: 'OpenAPI ResponseFormatJsonSchema.json_schema.schema; docs/deviations.md#f26',
  kind: 'behaviour',
  consequence:
    "A silently unconstrained reply (wrong types, missing or extra keys) fails the client's typed parse: zod-based parsing in openai-node (zodResponseFormat) and the AI SDK's generateObject throw, far from the cause.",
  evidence:
    'openai-node zodResponseFormat (node_modules/openai/src/helpers/zod.ts); ggml-org/llama.cpp#10732 (docs/deviations.md#f26)',
  run(input) {
    const schema = input.request?.response_format?.json_schema?.schema;
    if (typeof schema !== 'object' || schema === null) return skip('the request carried no response_format.json_schema.schema');
    const compiled = compileRequestedSchema(schema);
    if (!compiled.ok) return { status: 'error', message: `dropin could not compile the requested schema: ${compiled.error}` };
    return withReply(input, ({ text, pointer }) => {
      const parsed = parseJson(text);
      if (!parsed.ok) {
        return fail('the content is not JSON, so it cannot match the schema', { expected: 'JSON matching the requested schema', received: show(text), pointer });
      }
      const errors = compiled.check(parsed.value);
      if (errors.length === 0) return pass();
      return fail(`the content does not match the requested schema: ${errors[0]}`, {
        expected: `JSON matching ${show(schema, 160)}`,
        received: show(parsed.value),
        pointer,
      });
    });
  },
};
