// text.format json_schema yields JSON that satisfies the schema sent.
import type { Check } from '../../types.ts';
import { outputText, withOutput } from '../responses/output.ts';
import { validateArguments } from '../tools/parameters-validator.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { formatOf } from './format-json.ts';

export const responsesToolsFormatSchema: Check = {
  id: 'responses_tools.format-schema',
  capability: 'responses_tools',
  level: 'MUST',
  kind: 'behaviour',
  title: 'text.format json_schema yields JSON valid against the schema',
  spec: 'OpenAPI TextResponseFormatJsonSchema (name, schema, strict)',
  consequence: 'the Vercel AI SDK\'s generateObject validates the object against the schema and throws AI_NoObjectGeneratedError; openai-node\'s responses.parse() hands the app an object of the wrong shape',
  evidence: 'ai (core) generateObject → validateTypes; openai-node src/lib/ResponsesParser.ts',
  run: (input) => {
    const format = formatOf(input.request);
    if (format?.type !== 'json_schema') return skip('the request asked for no json_schema format');
    return withOutput(input, (view) => {
      const text = outputText(view.items);
      if (text === '' && view.items.some((i) => i.type === 'function_call')) return skip('the answer is a function call, which the format does not constrain');
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return skip('the answer is not JSON (see responses_tools.format-json)');
      }
      const result = validateArguments(format.schema, value);
      if (result.ok !== false) return pass();
      return fail('the answer does not match the text.format schema', { expected: show(format.schema, 160), received: `${show(value, 120)}: ${result.errors.join('; ')}`, pointer: view.pointer(0) });
    });
  },
};
