import { describe, expect, it } from 'vitest';
import { ProxyError } from '../errors.ts';
import { normalizeCompletion } from './completion.ts';

const ctx = (request: object = {}) => ({ profile: 'ollama' as const, request });

const ollamaBody = (message: object, finish_reason: unknown = 'stop') => ({
  id: 'chatcmpl-123',
  object: 'chat.completion',
  created: 1755000000,
  model: 'llama3.2',
  system_fingerprint: 'fp_ollama',
  choices: [{ index: 0, message: { role: 'assistant', ...message }, finish_reason }],
  usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
});

describe('normalizeCompletion', () => {
  it('adds the refusal and logprobs keys Ollama and llama.cpp leave out (F33)', () => {
    const out = normalizeCompletion(ollamaBody({ content: 'Hi', reasoning: 'short' }), ctx());
    expect(out.choices[0]).toEqual({
      index: 0,
      message: { role: 'assistant', content: 'Hi', refusal: null, reasoning: 'short' },
      logprobs: null,
      finish_reason: 'stop',
    });
    expect(out.usage).toEqual({ prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 });
  });

  it('turns object arguments into a JSON string (F28)', () => {
    const call = { id: 'abc', type: 'function', function: { name: 'f', arguments: { city: 'Paris' } } };
    const out = normalizeCompletion(ollamaBody({ content: null, tool_calls: [call] }, 'tool_calls'), ctx());
    expect(out.choices[0].message.tool_calls).toEqual([{ id: 'abc', type: 'function', function: { name: 'f', arguments: '{"city":"Paris"}' } }]);
  });

  it('reports tool_calls for auto/required, stop for a named tool, and keeps length (F05, F06, F07)', () => {
    const call = { id: 'c', type: 'function', function: { name: 'f', arguments: '{}' } };
    const finish = (reason: string, request: object) => normalizeCompletion(ollamaBody({ content: '', tool_calls: [call] }, reason), ctx(request)).choices[0].finish_reason;
    expect(finish('stop', { tool_choice: 'auto' })).toBe('tool_calls');
    expect(finish('stop', { tool_choice: 'required' })).toBe('tool_calls');
    expect(finish('tool_calls', { tool_choice: { type: 'function', function: { name: 'f' } } })).toBe('stop');
    expect(finish('length', {})).toBe('length');
  });

  it('reports a tool call whose arguments were cut short as length, whatever the backend says (F06)', () => {
    const cut = { id: 'c', type: 'function', function: { name: 'f', arguments: '{"city":"Pa' } };
    const out = normalizeCompletion(ollamaBody({ content: '', tool_calls: [cut] }, 'tool_calls'), ctx({ tool_choice: 'required' }));
    expect(out.choices[0].finish_reason).toBe('length');
  });

  it('fills a missing or non-standard finish_reason (F08)', () => {
    expect(normalizeCompletion(ollamaBody({ content: 'x' }, null), ctx()).choices[0].finish_reason).toBe('stop');
    expect(normalizeCompletion(ollamaBody({ content: 'x' }, 'eos'), ctx()).choices[0].finish_reason).toBe('stop');
    expect(normalizeCompletion(ollamaBody({ content: 'x' }, 'tool_calls'), ctx()).choices[0].finish_reason).toBe('stop');
  });

  it('throws a 502 ProxyError for an aborted generation instead of passing it as complete', () => {
    expect(() => normalizeCompletion(ollamaBody({ content: 'x' }, 'abort'), ctx())).toThrow(ProxyError);
    try {
      normalizeCompletion(ollamaBody({ content: 'x' }, 'abort'), ctx());
    } catch (err) {
      expect((err as ProxyError).status).toBe(502);
      expect((err as ProxyError).code).toBe('upstream_aborted');
    }
  });

  it('leaves a conformant OpenAI body equal to itself', () => {
    const body = {
      id: 'chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT',
      object: 'chat.completion',
      created: 1741569952,
      model: 'gpt-4.1',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Hello!', refusal: null, annotations: [] }, logprobs: null, finish_reason: 'stop' }],
      usage: { prompt_tokens: 19, completion_tokens: 10, total_tokens: 29 },
      service_tier: 'default',
    };
    expect(normalizeCompletion(structuredClone(body), ctx())).toEqual(body);
  });

  it('gives a tool call without an id one, and leaves a body without choices alone', () => {
    const out = normalizeCompletion(ollamaBody({ content: null, tool_calls: [{ function: { name: 'f', arguments: '{}' } }] }), ctx());
    expect(out.choices[0].message.tool_calls[0]).toMatchObject({ type: 'function', id: expect.stringMatching(/^call_[0-9a-f]{24}$/) });
    expect(normalizeCompletion({ error: 'x' }, ctx())).toEqual({ error: 'x' });
  });

  it('makes a float created whole seconds and names each repair', () => {
    const repairs = new Set();
    const body = { ...ollamaBody({ content: 'Hi' }, 'eos'), created: 1755000000.5, object: 'chat.completion.chunk' };
    const out = normalizeCompletion(body, { profile: 'generic', request: {}, repairs: repairs as never });
    expect(out).toMatchObject({ created: 1755000000, object: 'chat.completion', choices: [{ finish_reason: 'stop' }] });
    expect([...repairs].sort()).toEqual(['created_integer', 'finish_reason_mapped', 'message_keys_added', 'object_fixed']);
  });

  it('names no repair for a conformant body', () => {
    const repairs = new Set();
    const body = {
      id: 'chatcmpl-x',
      object: 'chat.completion',
      created: 1741569952,
      model: 'gpt-4.1',
      choices: [{ index: 0, message: { role: 'assistant', content: null, refusal: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{}' } }] }, logprobs: null, finish_reason: 'tool_calls' }],
    };
    normalizeCompletion(structuredClone(body), { profile: 'generic', request: {}, repairs: repairs as never });
    expect(repairs.size).toBe(0);
  });
});
