// The per-profile request rewrites for Responses backends that ignore or reject part of a valid request.
import { describe, expect, it } from 'vitest';
import { repairResponsesRequest } from './repair-request.ts';

const tools = [{ type: 'function', name: 'get_weather' }, { type: 'function', name: 'get_time' }];
const named = { model: 'm', input: 'x', tools, tool_choice: { type: 'function', name: 'get_time' } };

describe('repairResponsesRequest', () => {
  it('Ollama ignores tool_choice (S10): none drops the tools, a named choice keeps only that tool', () => {
    const repairs = new Set<string>();
    expect(repairResponsesRequest({ model: 'm', input: 'x', tools, tool_choice: 'none' }, 'ollama', repairs as any)).toEqual({ model: 'm', input: 'x' });
    expect(repairResponsesRequest(named, 'ollama').tools).toEqual([tools[1]]);
    expect(repairResponsesRequest(named, 'ollama').tool_choice).toEqual(named.tool_choice);
    expect([...repairs]).toEqual(['tools_narrowed']);
  });

  it('llama.cpp and LM Studio read only a string tool_choice', () => {
    expect(repairResponsesRequest(named, 'llama.cpp')).toMatchObject({ tools: [tools[1]], tool_choice: 'required' });
    const allowed = { ...named, tool_choice: { type: 'allowed_tools', mode: 'auto', tools: [{ type: 'function', name: 'get_weather' }] } };
    expect(repairResponsesRequest(allowed, 'lm-studio')).toMatchObject({ tools: [tools[0]], tool_choice: 'auto' });
  });

  it('json_object goes as an open json_schema to Ollama (ignored) and vLLM (500)', () => {
    const body = { model: 'm', input: 'JSON please', text: { format: { type: 'json_object' }, verbosity: 'low' } };
    expect(repairResponsesRequest(body, 'vllm').text).toEqual({ format: { type: 'json_schema', name: 'json_object', schema: { type: 'object' } }, verbosity: 'low' });
    expect(repairResponsesRequest(body, 'llama.cpp')).toEqual(body);
  });

  it('changes nothing for OpenAI or an unidentified server', () => {
    for (const profile of ['openai', 'generic'] as const) expect(repairResponsesRequest(named, profile)).toEqual(named);
  });
});
