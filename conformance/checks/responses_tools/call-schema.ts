// A function_call item names an offered function and carries call_id, id and string arguments.
import type { Check } from '../../types.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { callableNames, withCalls } from './calls.ts';

export const responsesToolsCallSchema: Check = {
  id: 'responses_tools.call-schema',
  capability: 'responses_tools',
  level: 'MUST',
  kind: 'protocol',
  title: 'function_call items carry id, call_id, an offered name and string arguments',
  spec: 'OpenAPI FunctionToolCall (type, call_id, name, arguments required); docs/deviations.md#s04',
  consequence:
    'the Vercel AI SDK rejects a function_call without id, call_id, name or string arguments (AI_TypeValidationError); without call_id the client cannot send the function_call_output back; a name that was not offered has no function to run',
  evidence: '@ai-sdk/openai src/responses/openai-responses-api.ts (function_call item schema); openai-node src/lib/ResponsesParser.ts (parses arguments of offered tools)',
  run: (input) =>
    withCalls(input, (calls) => {
      if (calls.length === 0) return skip('the answer carried no function_call item');
      const names = callableNames(input.request);
      for (const { item, pointer } of calls) {
        for (const key of ['id', 'call_id', 'name'] as const) {
          if (typeof item[key] !== 'string' || item[key] === '') {
            return fail(`a function_call item has no ${key}`, { expected: `${key}: a non-empty string`, received: show(item, 160), pointer: `${pointer}/${key}` });
          }
        }
        if (typeof item.arguments !== 'string') {
          return fail('function_call.arguments is not a string', { expected: 'arguments: a JSON object serialised as a string', received: show(item.arguments, 120), pointer: `${pointer}/arguments` });
        }
        if (names && !names.includes(item.name)) {
          return fail(`the model called ${show(item.name)}, which is not among the tools sent`, { expected: `one of ${show(names)}`, received: show(item.name), pointer: `${pointer}/name` });
        }
      }
      return pass();
    }),
};
