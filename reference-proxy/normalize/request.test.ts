import { describe, expect, it } from 'vitest';
import { normalizeRequest } from './request.ts';

const tools = [
  { type: 'function', function: { name: 'get_weather', parameters: {} } },
  { type: 'function', function: { name: 'get_time', parameters: {} } },
];
const base = { model: 'm', messages: [{ role: 'user', content: 'hi' }] };

describe('normalizeRequest', () => {
  it('rewrites max_completion_tokens to max_tokens for Ollama (F21) without touching the input', () => {
    const body = { ...base, max_completion_tokens: 10 };
    expect(normalizeRequest(body, 'ollama')).toEqual({ ...base, max_tokens: 10 });
    expect(normalizeRequest(body, 'ollama-legacy')).toEqual({ ...base, max_tokens: 10 });
    expect(body).toEqual({ ...base, max_completion_tokens: 10 });
  });

  it('sends an OpenAI request unchanged', () => {
    const body = { ...base, max_completion_tokens: 10, tools, tool_choice: 'none', stream_options: { include_usage: true } };
    expect(normalizeRequest(body, 'openai')).toEqual(body);
  });

  it('enforces tool_choice none and a named tool through the tool list for Ollama (F23)', () => {
    expect(normalizeRequest({ ...base, tools, tool_choice: 'none' }, 'ollama')).toEqual(base);
    const named = { type: 'function', function: { name: 'get_time' } };
    expect(normalizeRequest({ ...base, tools, tool_choice: named }, 'ollama')).toEqual({ ...base, tools: [tools[1]], tool_choice: named });
  });

  it('turns a named tool into the string tool_choice llama.cpp understands and defaults parallel_tool_calls to true (F38)', () => {
    const out = normalizeRequest({ ...base, tools, tool_choice: { type: 'function', function: { name: 'get_weather' } } }, 'llama.cpp');
    expect(out).toEqual({ ...base, tools: [tools[0]], tool_choice: 'required', parallel_tool_calls: true });
    expect(normalizeRequest({ ...base, tools, parallel_tool_calls: false }, 'llama.cpp').parallel_tool_calls).toBe(false);
  });

  it('maps an allowed_tools choice to its tools and mode for llama.cpp', () => {
    const choice = { type: 'allowed_tools', allowed_tools: { mode: 'auto', tools: [{ type: 'function', function: { name: 'get_time' } }] } };
    expect(normalizeRequest({ ...base, tools, tool_choice: choice }, 'llama.cpp')).toMatchObject({ tools: [tools[1]], tool_choice: 'auto' });
  });

  it('leaves a named tool that is not in the list for the backend to reject', () => {
    const body = { ...base, tools, tool_choice: { type: 'function', function: { name: 'nope' } } };
    expect(normalizeRequest(body, 'ollama')).toEqual(body);
  });

  it('drops stream_options without stream:true for vLLM (F40)', () => {
    expect(normalizeRequest({ ...base, stream_options: { include_usage: true } }, 'vllm')).toEqual(base);
    const streaming = { ...base, stream: true, stream_options: { include_usage: true } };
    expect(normalizeRequest(streaming, 'vllm')).toEqual(streaming);
  });

  it('rewrites what LM Studio rejects: json_object as an open json_schema (F25), a named tool as required (F24)', () => {
    const repairs = new Set();
    const out = normalizeRequest({ ...base, response_format: { type: 'json_object' }, tools, tool_choice: { type: 'function', function: { name: 'get_time' } } }, 'lm-studio', repairs as never);
    expect(out).toEqual({
      ...base,
      response_format: { type: 'json_schema', json_schema: { name: 'json_object', schema: { type: 'object' } } },
      tools: [tools[1]],
      tool_choice: 'required',
    });
    expect([...repairs].sort()).toEqual(['json_object_as_schema', 'tool_choice_stringified', 'tools_narrowed']);
  });

  it('for an unidentified server (generic) only drops stream_options from a non-stream request', () => {
    const body = { ...base, max_completion_tokens: 10, tools, tool_choice: { type: 'function', function: { name: 'get_time' } }, response_format: { type: 'json_object' } };
    expect(normalizeRequest(body, 'generic')).toEqual(body);
    const repairs = new Set();
    expect(normalizeRequest({ ...base, stream_options: { include_usage: true } }, 'generic', repairs as never)).toEqual(base);
    expect([...repairs]).toEqual(['stream_options_dropped']);
  });

  it('names no repair when nothing was rewritten', () => {
    const repairs = new Set();
    normalizeRequest({ ...base, tools, tool_choice: 'auto' }, 'ollama', repairs as never);
    expect(repairs.size).toBe(0);
  });
});
