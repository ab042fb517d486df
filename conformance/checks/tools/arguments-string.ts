// function.arguments is a JSON-encoded string, never an object (F28).
import type { Check } from '../../types.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { withToolCalls } from './tool-calls.ts';

export const toolsArgumentsString: Check = {
  id: 'tools.arguments-string',
  capability: 'tools',
  level: 'MUST',
  kind: 'protocol',
  consequence:
    "The AI SDK rejects the completion (arguments must be a string); openai-node's runTools and user code JSON.parse the arguments and throw on an object; replaying the history makes the next request fail.",
  evidence:
    '@ai-sdk/openai openaiChatResponseSchema (packages/openai/src/chat/openai-chat-api.ts); ggml-org/llama.cpp#20198 (docs/deviations.md#f28)',
  title: 'function.arguments is a JSON-encoded string',
  spec: 'OpenAPI ChatCompletionMessageToolCall.function.arguments (string); docs/deviations.md#f28',
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
