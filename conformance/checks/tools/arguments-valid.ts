// The model's arguments match the tool's parameters schema (behaviour: a rate over k runs).
import type { Check, Verdict } from '../../types.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { isRecord } from '../streaming/parse-stream.ts';
import { validateArguments } from './parameters-validator.ts';
import { withToolCalls, type ToolCallView } from './tool-calls.ts';
import { parseArguments } from '../responses_tools/calls.ts';

export const toolsArgumentsValid: Check = {
  id: 'tools.arguments-valid',
  capability: 'tools',
  level: 'SHOULD',
  kind: 'behaviour',
  consequence:
    'The tool is called with missing or wrong arguments, or an unknown function: the AI SDK raises InvalidToolInputError / NoSuchToolError and agents must retry. Model output, so a rate rather than a rule.',
  evidence:
    'AI SDK parseToolCall validates tool input against the tool schema; behaviour check repeated k times',
  title: "Tool-call arguments match the tool's parameters schema",
  spec: 'OpenAPI FunctionObject.parameters',
  run: (input) =>
    withToolCalls(input, ({ calls }) => {
      const parsed = calls.flatMap((call) => {
        const args = parseArguments(call.arguments);
        return args === undefined ? [] : [{ call, args }];
      });
      if (parsed.length === 0) return skip('no tool call with JSON-object arguments was returned (see tools.arguments-json)');
      const tools = Array.isArray(input.request?.tools) ? (input.request.tools as unknown[]) : [];
      for (const { call, args } of parsed) {
        const verdict = judgeCall(call, args, tools);
        if (verdict) return verdict;
      }
      return pass();
    }),
};

function judgeCall(call: ToolCallView, args: Record<string, unknown>, tools: unknown[]): Verdict | undefined {
  const tool = tools.find((t) => isRecord(t) && isRecord(t.function) && t.function.name === call.name);
  const names = tools.map((t) => (isRecord(t) && isRecord(t.function) ? t.function.name : undefined));
  if (!isRecord(tool)) {
    return fail(`the model called ${show(call.name)}, which is not among the tools sent`, {
      expected: `one of ${show(names)}`,
      received: show(call.name),
      pointer: call.pointer,
    });
  }
  if (tool.function.parameters === undefined) return undefined;
  const result = validateArguments(tool.function.parameters, args);
  if (result.ok === true || result.ok === 'unusable') return undefined;
  return fail(`the arguments of ${show(call.name)} do not match its parameters schema`, {
    expected: `arguments valid against ${show(tool.function.parameters, 160)}`,
    received: `${show(args, 120)}: ${result.errors.join('; ')}`,
    pointer: `${call.pointer}/function/arguments`,
  });
}
