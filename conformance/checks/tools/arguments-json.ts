// Tool-call arguments (joined per index in streams) parse to a JSON object, so the tool can run.
import type { Check } from '../../types.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { isRecord } from '../streaming/parse-stream.ts';
import { withToolCalls } from './tool-calls.ts';

export const toolsArgumentsJson: Check = {
  id: 'tools.arguments-json',
  capability: 'tools',
  level: 'MUST',
  kind: 'protocol',
  consequence:
    'The client cannot run the tool: JSON.parse of merged ({"a":1}{"b":2}) or truncated arguments throws in openai-node\'s runTools, openai-python and the AI SDK.',
  evidence:
    'openai-node runToolCall (node_modules/openai/src/lib/AbstractChatCompletionRunner.ts); docs/deviations.md#f03, #f06',
  title: 'Tool-call arguments parse to a JSON object',
  spec: 'OpenAPI ChatCompletionMessageToolCall.function.arguments ("in JSON format"); docs/deviations.md#f03, #f06',
  run: (input) =>
    withToolCalls(input, ({ calls }) => {
      // Non-string arguments are tools.arguments-string's finding; here only strings are judged.
      const judged = calls.filter((c) => typeof c.arguments === 'string');
      if (judged.length === 0) return skip('no tool call with string arguments was returned');
      for (const call of judged) {
        const problem = objectProblem(call.arguments as string);
        if (!problem) continue;
        return fail(`the arguments of a call to ${show(call.name)} ${problem}; the client cannot run the tool`, {
          expected: 'arguments (concatenated per index in streams) that parse to a JSON object',
          received: show(call.arguments, 160),
          pointer: `${call.pointer}/function/arguments`,
        });
      }
      return pass();
    }),
};

function objectProblem(text: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return `are not JSON (${(e as Error).message})`;
  }
  return isRecord(value) ? undefined : 'are JSON but not an object';
}
