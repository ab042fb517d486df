// function_call.arguments parses as a JSON object.
import type { Check } from '../../types.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { parseArguments, withCalls } from './calls.ts';

export const responsesToolsArgumentsJson: Check = {
  id: 'responses_tools.arguments-json',
  capability: 'responses_tools',
  level: 'MUST',
  kind: 'protocol',
  title: 'function_call arguments are a JSON object',
  spec: 'OpenAPI FunctionToolCall.arguments ("A JSON string of the arguments to pass to the function")',
  consequence: 'openai-node\'s parsed responses and the Vercel AI SDK\'s tool execution JSON.parse the arguments and fail (the AI SDK reports AI_InvalidToolInputError); the function is never run',
  evidence: 'openai-node src/lib/ResponsesParser.ts parseToolCall; ai (core) parseToolCall',
  run: (input) =>
    withCalls(input, (calls) => {
      const strings = calls.filter((c) => typeof c.item.arguments === 'string');
      if (strings.length === 0) return skip('no function_call with string arguments (see responses_tools.call-schema)');
      const bad = strings.find((c) => parseArguments(c.item.arguments) === undefined);
      if (!bad) return pass();
      return fail(`the arguments of ${show(bad.item.name)} are not a JSON object`, { expected: 'a JSON object, e.g. {"city":"Paris"}', received: show(bad.item.arguments, 160), pointer: `${bad.pointer}/arguments` });
    }),
};
