// tool_choice named / required / none is enforced (F23); a server may enforce it by failing the
// request with an error, which is not ignoring it.
import type { Check, Verdict } from '../../types.ts';
import { isRecord, type StreamEvent } from '../streaming/parse-stream.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { toolChoiceOf, type ToolChoice } from './tool-choice.ts';
import { withToolCalls, type ToolCallView } from './tool-calls.ts';

export const toolsChoiceHonoured: Check = {
  id: 'tools.choice-honoured',
  capability: 'tools',
  level: 'MUST',
  kind: 'behaviour',
  consequence:
    'A forced tool (named or required) comes back as plain text: code reading message.tool_calls[0], the documented way to extract data through a forced function, throws, and agent loops such as openai-node\'s runTools end without the tool result; with "none" the client receives calls it said it could not handle.',
  evidence:
    'ollama/ollama#8421, #11171 (docs/deviations.md#f23); recording groq:pydantic-ai:test_tool_use_failed_error_streaming_with_text#0 (enforcement by an error event passes)',
  title: 'tool_choice is honoured (named, required, none)',
  spec: 'OpenAPI ChatCompletionToolChoiceOption; docs/deviations.md#f23',
  run: (input) => {
    if (input.request?.tool_choice === undefined) return skip('the request set no tool_choice');
    const choice = toolChoiceOf(input.request);
    if (choice.mode === 'auto' || choice.mode === 'other') return skip(`tool_choice ${show(input.request?.tool_choice)} leaves the choice to the model`);
    return withToolCalls(input, ({ calls, choices, stream }) => {
      const error = stream?.parsed.errors.at(-1);
      if (error && calls.length === 0) return judgeErrorEnd(choice, error);
      if (choices.length === 0) return skip('the reply carried no choice');
      for (const index of choices) {
        const verdict = judgeChoice(choice, index, calls.filter((c) => c.choice === index));
        if (verdict) return verdict;
      }
      return pass();
    });
  },
};

/**
 * A stream that ended in an error event before any call. Groq enforces required/named this way
 * ({"error":{"message":"Tool choice is required, but model did not call a tool","code":"tool_use_failed"}}):
 * the client gets an error, not a silent plain answer, so the choice was honoured.
 */
function judgeErrorEnd(choice: ToolChoice, { n, json }: StreamEvent): Verdict {
  const error = isRecord(json) && isRecord(json.error) ? json.error : {};
  const text = `${typeof error.code === 'string' ? error.code : ''} ${typeof error.message === 'string' ? error.message : ''}`;
  if ((choice.mode === 'required' || choice.mode === 'named') && /tool/i.test(text)) {
    return pass(`the server enforced tool_choice by ending the stream with an error (event ${n}: ${show(text.trim(), 120)})`);
  }
  return skip(`the stream ended in an error event (event ${n}) before any tool call; judged by streaming.error-event`);
}

function judgeChoice(choice: ToolChoice, index: number, calls: ToolCallView[]): Verdict | undefined {
  const names = show(calls.map((c) => c.name));
  if (choice.mode === 'none' && calls.length > 0) {
    return fail(`tool_choice "none" was ignored: choice ${index} called ${names}`, { expected: 'no tool calls', received: names, pointer: calls[0].pointer });
  }
  if (choice.mode === 'required' && calls.length === 0) {
    return fail(`tool_choice "required" was ignored: choice ${index} answered without a tool call`, { expected: 'at least one tool call', received: 'no tool calls' });
  }
  if (choice.mode === 'named') {
    const wrong = calls.find((c) => c.name !== choice.name);
    if (calls.length === 0 || wrong) {
      return fail(`tool_choice named ${show(choice.name)} was not honoured by choice ${index}`, {
        expected: `only calls to ${show(choice.name)}`,
        received: calls.length === 0 ? 'no tool calls' : names,
        pointer: wrong?.pointer,
      });
    }
  }
  return undefined;
}
