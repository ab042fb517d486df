import type { Check } from '../../types.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { withToolCalls } from './tool-calls.ts';

export const toolsArgumentsString: Check = {
  id: 'tools.arguments-string',
  capability: 'tools',
  level: 'MUST',
  kind: 'protocol',
  title: 'function.arguments is a JSON-encoded string',
  spec: 'OpenAPI ChatCompletionMessageToolCall.function.arguments (string); wire-facts F28',
  run: (input) =>
    withToolCalls(input, ({ calls }) => {
      if (calls.length === 0) return skip('no tool calls were returned');
      const bad = calls.filter((c) => typeof c.arguments !== 'string');
      if (bad.length === 0) return pass();
      const first = bad[0];
      return fail(`${bad.length} tool call(s) carry arguments that are not a string; clients JSON.parse them and fail`, {
        expected: 'function.arguments as a JSON-encoded string, e.g. "{\\"city\\":\\"Paris\\"}"',
        received: show(first.arguments, 120),
        pointer: `${first.pointer}/function/arguments`,
      });
    }),
};
