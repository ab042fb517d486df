// text.format json_object / json_schema constrains the answer to JSON.
import type { Check } from '../../types.ts';
import { isRecord } from '../streaming/parse-stream.ts';
import { outputText, withOutput } from '../responses/output.ts';
import { fail, pass, show, skip } from '../verdict.ts';

export function formatOf(request: unknown): Record<string, any> | undefined {
  const format = isRecord(request) && isRecord(request.text) ? request.text.format : undefined;
  return isRecord(format) && (format.type === 'json_object' || format.type === 'json_schema') ? format : undefined;
}

export const responsesToolsFormatJson: Check = {
  id: 'responses_tools.format-json',
  capability: 'responses_tools',
  level: 'MUST',
  kind: 'behaviour',
  title: 'text.format json_object / json_schema yields a JSON answer',
  spec: 'OpenAPI TextResponseFormatConfiguration (text.format)',
  consequence: 'the Vercel AI SDK\'s generateObject / Output.object and openai-node\'s responses.parse() JSON-parse the answer and throw (AI_NoObjectGeneratedError, SyntaxError) when the server ignored the format',
  evidence: 'openai-node src/lib/ResponsesParser.ts parseTextFormat; ollama openai/responses.go (json_object dropped, docs/deviations.md#r01)',
  run: (input) => {
    const format = formatOf(input.request);
    if (!format) return skip('the request asked for no JSON format');
    return withOutput(input, (view) => {
      const text = outputText(view.items);
      if (text === '' && view.items.some((i) => i.type === 'function_call')) return skip('the answer is a function call, which the format does not constrain');
      try {
        JSON.parse(text);
        return pass();
      } catch (e) {
        return fail(`text.format ${format.type} was not honoured: the answer is not JSON`, { expected: 'JSON text', received: `${show(text, 120)} (${(e as Error).message})`, pointer: view.pointer(0) });
      }
    });
  },
};
