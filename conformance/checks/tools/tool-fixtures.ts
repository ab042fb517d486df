// Non-stream tool-call replies and tool-stream builders for the tests of the tools checks.
import { TIME_TOOL, WEATHER_TOOL } from '../../scenarios/tools.ts';
import type { CheckInput } from '../../types.ts';
import { chunk, TOOLS_REQUEST } from '../streaming/stream-fixtures.ts';
import { inputOf, jsonExchange } from '../test-exchange.ts';

export const NAMED_REQUEST = {
  model: 'gpt-4o',
  messages: [{ role: 'user', content: 'What is the weather in Paris?' }],
  max_tokens: 64,
  tools: [WEATHER_TOOL],
  tool_choice: { type: 'function', function: { name: 'get_weather' } },
};
export const REQUIRED_REQUEST = { ...NAMED_REQUEST, tools: [WEATHER_TOOL, TIME_TOOL], tool_choice: 'required' };
export const NONE_REQUEST = { ...NAMED_REQUEST, tool_choice: 'none' };
export const STREAM_REQUEST = TOOLS_REQUEST;

export const weatherCall = (args: unknown = '{"city":"Paris","unit":"celsius"}', name = 'get_weather') => ({
  id: 'call_abc123',
  type: 'function',
  function: { name, arguments: args },
});

/** A non-stream chat completion whose single choice carries `toolCalls` (none when empty). */
export function completion(toolCalls: unknown[], finish = 'tool_calls', usage = { prompt_tokens: 50, completion_tokens: 18, total_tokens: 68 }) {
  const message = toolCalls.length
    ? { role: 'assistant', content: null, refusal: null, tool_calls: toolCalls }
    : { role: 'assistant', content: 'It is sunny.', refusal: null };
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1741569952,
    model: 'gpt-4o',
    choices: [{ index: 0, message, logprobs: null, finish_reason: finish }],
    usage,
  };
}

export function completionInput(body: unknown, request: unknown = REQUIRED_REQUEST, status = 200): CheckInput {
  return inputOf(jsonExchange(body, { request, status }), request);
}

/** Tool-call fragments for choice 0, one chunk each, then a finish chunk. */
export function toolStream(fragments: unknown[][], finish = 'tool_calls'): unknown[] {
  const [first, ...rest] = fragments;
  return [
    chunk({ role: 'assistant', content: null, tool_calls: first }),
    ...rest.map((f) => chunk({ tool_calls: f })),
    chunk({}, finish),
    '[DONE]',
  ];
}
