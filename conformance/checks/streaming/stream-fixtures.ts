// Streams for the tests of streaming and tools checks: the OpenAI stream observed in wire-facts
// §1.4 (text and streamed tool calls), Ollama ≥0.32.6's documented stream (§2.4), and small
// builders to derive a stream that carries exactly one deviation.
import { TIME_TOOL, WEATHER_TOOL } from '../../scenarios/tools.ts';
import type { CheckInput } from '../../types.ts';
import { inputOf, sseExchange, type SseExchangeInit } from '../test-exchange.ts';

export const TEXT_REQUEST = {
  model: 'gpt-4.1-nano',
  messages: [{ role: 'user', content: 'Name three colours, separated by commas.' }],
  max_tokens: 16,
  stream: true,
};
export const USAGE_REQUEST = { ...TEXT_REQUEST, stream_options: { include_usage: true } };
export const TOOLS_REQUEST = {
  model: 'gpt-4.1-nano',
  messages: [{ role: 'user', content: 'Weather in Paris and time in Europe/Paris?' }],
  max_tokens: 64,
  stream: true,
  tools: [WEATHER_TOOL, TIME_TOOL],
  tool_choice: 'required',
};

const OPENAI_HEAD = {
  id: 'chatcmpl-D8Z5abc',
  object: 'chat.completion.chunk',
  created: 1770933892,
  model: 'gpt-4.1-nano-2025-04-14',
  service_tier: 'default',
  system_fingerprint: 'fp_de604bd877',
};

/** One OpenAI-style chunk for choice 0. */
export function chunk(delta: object, finish: string | null = null, extra: object = {}) {
  return { ...OPENAI_HEAD, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], ...extra };
}

const USAGE = { prompt_tokens: 16, completion_tokens: 5, total_tokens: 21 };
export const usageChunk = (usage: object = USAGE) => ({ ...OPENAI_HEAD, choices: [], usage });

/** wire-facts §1.4: gpt-4.1-nano with include_usage (every chunk `usage: null`, then `choices: []`). */
export function openAiTextStream(): unknown[] {
  const u = { usage: null, obfuscation: 'Qup1' };
  return [
    chunk({ role: 'assistant', content: '', refusal: null }, null, u),
    chunk({ content: 'Red' }, null, u),
    chunk({ content: ', green' }, null, u),
    chunk({ content: ', blue' }, null, u),
    chunk({}, 'stop', u),
    { ...usageChunk(), obfuscation: 'h9Ri' },
    '[DONE]',
  ];
}

const call = (index: number, id: string, name: string) => ({
  index,
  id,
  type: 'function',
  function: { name, arguments: '' },
});
const args = (index: number, text: string) => ({ index, function: { arguments: text } });

/** wire-facts §1.4: two parallel calls, id/type/name once per index, arguments in fragments. */
export function openAiToolStream(): unknown[] {
  return [
    chunk({ role: 'assistant', content: null, tool_calls: [call(0, 'call_a1', 'get_weather')] }),
    chunk({ tool_calls: [args(0, '{"ci')] }),
    chunk({ tool_calls: [args(0, 'ty":"Paris"}')] }),
    chunk({ tool_calls: [call(1, 'call_b2', 'get_time')] }),
    chunk({ tool_calls: [args(1, '{"timezone":"Europe/Paris"}')] }),
    chunk({}, 'tool_calls'),
    '[DONE]',
  ];
}

const OLLAMA_HEAD = { id: 'chatcmpl-123', object: 'chat.completion.chunk', created: 1770933892, model: 'qwen3:0.6b', system_fingerprint: 'fp_ollama' };
const ollamaChunk = (delta: object, finish: string | null = null) => ({
  ...OLLAMA_HEAD,
  choices: [{ index: 0, delta, finish_reason: finish }],
});

/** wire-facts §2.4: each call whole in one delta with `content: ""`, `usage` key absent. */
export function ollamaToolStream(): unknown[] {
  const whole = (index: number, id: string, name: string, json: string) => ({
    id,
    index,
    type: 'function',
    function: { name, arguments: json },
  });
  return [
    ollamaChunk({ role: 'assistant', content: '', tool_calls: [whole(0, 'call_ab12cd34', 'get_weather', '{"city":"Paris"}')] }),
    ollamaChunk({ content: '', tool_calls: [whole(1, 'call_ef56gh78', 'get_time', '{"timezone":"Europe/Paris"}')] }),
    ollamaChunk({}, 'tool_calls'),
    { ...OLLAMA_HEAD, choices: [], usage: USAGE },
    '[DONE]',
  ];
}

/** wire-facts §2.4: text, role on the first chunk only, separate finish chunk, usage key absent. */
export function ollamaTextStream(): unknown[] {
  return [
    ollamaChunk({ role: 'assistant', content: 'Red' }),
    ollamaChunk({ content: ', green' }),
    ollamaChunk({ content: ', blue' }),
    ollamaChunk({}, 'stop'),
    { ...OLLAMA_HEAD, choices: [], usage: USAGE },
    '[DONE]',
  ];
}

/** A check input for a captured stream of `events` sent in answer to `request`. */
export function streamInput(events: unknown[], request: unknown = TEXT_REQUEST, init: SseExchangeInit = {}): CheckInput {
  return inputOf(sseExchange(events, { request, ...init }), request);
}
