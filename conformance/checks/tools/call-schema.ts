// Non-stream tool calls have the shape clients parse: id, type "function", name and string arguments.
import type { Check } from '../../types.ts';
import { validate } from '../../schemas/validate.ts';
import { fail, pass, skip } from '../verdict.ts';
import { isRecord } from '../streaming/parse-stream.ts';
import { withToolCalls } from './tool-calls.ts';

export const toolsCallSchema: Check = {
  id: 'tools.call-schema',
  capability: 'tools',
  level: 'MUST',
  kind: 'protocol',
  consequence:
    'The AI SDK rejects the whole completion when a tool call lacks type "function" or string function.name/arguments; openai-node\'s runTools skips a call whose type is not "function", so the tool is silently never run.',
  evidence:
    '@ai-sdk/openai openaiChatResponseSchema (packages/openai/src/chat/openai-chat-api.ts); openai-node runToolCall (node_modules/openai/src/lib/AbstractChatCompletionRunner.ts)',
  title: 'Tool calls are valid against the tool-call schema',
  spec: 'OpenAPI ChatCompletionMessageToolCall',
  run: (input) =>
    withToolCalls(input, ({ calls, stream }) => {
      if (stream) return skip('streamed tool calls are judged by the tools.stream-* checks');
      if (calls.length === 0) return skip('no tool calls were returned');
      const body = input.exchange.json as Record<string, any>;
      const invalid = calls.flatMap((call) => {
        const result = validate('tool-call', pick(body, call.pointer));
        return result.ok ? [] : [{ call, errors: result.errors }];
      });
      if (invalid.length === 0) return pass();
      const [{ call, errors }] = invalid;
      const at = (base: string, pointer: string) => `${base}${pointer === '/' ? '' : pointer}`;
      return fail(`${invalid.length} of ${calls.length} tool call(s) do not match the tool-call schema`, {
        expected: '{"id": string, "type": "function", "function": {"name": string, "arguments": string}}',
        received: errors.map((e) => `${e.pointer}: ${e.message}`).join('; '),
        pointer: at(call.pointer, errors[0].pointer),
        details: invalid.flatMap((i) => i.errors.map((e) => `${at(i.call.pointer, e.pointer)}: ${e.message}`)),
      });
    }),
};

/** Resolve a pointer of the form /choices/<c>/message/tool_calls/<k> in the body. */
function pick(body: Record<string, any>, pointer: string): unknown {
  let value: unknown = body;
  for (const part of pointer.split('/').slice(1)) value = isRecord(value) || Array.isArray(value) ? (value as any)[part] : undefined;
  return value;
}
