// The arguments satisfy the parameters schema of the function called.
import type { Check } from '../../types.ts';
import { validateArguments } from '../tools/parameters-validator.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { offeredTools, parseArguments, withCalls } from './calls.ts';

export const responsesToolsArgumentsValid: Check = {
  id: 'responses_tools.arguments-valid',
  capability: 'responses_tools',
  level: 'SHOULD',
  kind: 'behaviour',
  title: 'function_call arguments match the tool\'s parameters schema',
  spec: 'OpenAPI FunctionTool.parameters',
  consequence: 'the Vercel AI SDK validates tool input against the tool\'s schema and reports AI_InvalidToolInputError; hand-written dispatchers run the function with missing or wrong fields',
  evidence: 'ai (core) parseToolCall → safeValidateTypes against the tool inputSchema',
  run: (input) =>
    withCalls(input, (calls) => {
      const tools = offeredTools(input.request);
      const parsed = calls.flatMap((c) => {
        const args = parseArguments(c.item.arguments);
        const tool = tools.find((t) => t.name === c.item.name);
        return args && tool?.parameters ? [{ c, args, tool }] : [];
      });
      if (parsed.length === 0) return skip('no call of an offered tool with JSON-object arguments (see responses_tools.call-schema, responses_tools.arguments-json)');
      for (const { c, args, tool } of parsed) {
        const result = validateArguments(tool.parameters, args);
        if (result.ok === false) {
          return fail(`the arguments of ${show(tool.name)} do not match its parameters schema`, {
            expected: `arguments valid against ${show(tool.parameters, 160)}`,
            received: `${show(args, 120)}: ${result.errors.join('; ')}`,
            pointer: `${c.pointer}/arguments`,
          });
        }
      }
      return pass();
    }),
};
