// A function_call_output sent back in the next request reaches the model: the answer uses it.
import type { Check } from '../../types.ts';
import { isRecord } from '../streaming/parse-stream.ts';
import { outputText, withOutput } from '../responses/output.ts';
import { fail, pass, show, skip } from '../verdict.ts';

/** The value the scenario's tool output carries, which only a model that read it can repeat. */
export const TOOL_RESULT_MARKER = '17.5';

export const responsesToolsOutputUsed: Check = {
  id: 'responses_tools.output-used',
  capability: 'responses_tools',
  level: 'SHOULD',
  kind: 'behaviour',
  title: 'A function_call_output turn is answered with the tool\'s result',
  spec: 'OpenAPI FunctionCallOutputItemParam (call_id, output)',
  consequence: 'every agent loop (the AI SDK\'s multi-step generateText, openai-agents) sends tool results this way; a server that drops them answers without the result or calls the tool again forever',
  evidence: '@ai-sdk/openai src/responses/convert-to-openai-responses-input.ts (tool results → function_call_output); ollama openai/responses.go and llama.cpp server-chat.cpp (function_call_output → tool message)',
  run: (input) => {
    const sent = Array.isArray(input.request?.input) && input.request.input.some((i: unknown) => isRecord(i) && i.type === 'function_call_output');
    if (!sent) return skip('the request carried no function_call_output');
    return withOutput(input, (view) => {
      const text = outputText(view.items);
      if (text.includes(TOOL_RESULT_MARKER)) return pass();
      return fail(`the answer does not use the tool result (${TOOL_RESULT_MARKER})`, { expected: `an answer mentioning ${TOOL_RESULT_MARKER}`, received: show(text || view.items.map((i) => i.type), 160), pointer: view.pointer(0) });
    });
  },
};
