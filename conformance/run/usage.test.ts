import { describe, expect, it } from 'vitest';
import { jsonExchange, sseExchange } from '../checks/test-exchange.ts';
import { addUsage, emptyUsage } from './usage.ts';

describe('token accounting', () => {
  it('adds non-stream usage and the last usage chunk of a stream', () => {
    const total = emptyUsage();
    addUsage(total, jsonExchange({ usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 } }));
    addUsage(total, sseExchange([{ usage: null }, { choices: [], usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 } }, '[DONE]']));
    addUsage(total, jsonExchange({ error: { message: 'x' } }, { status: 400 }));
    expect(total).toEqual({ requests: 3, prompt_tokens: 13, completion_tokens: 7, total_tokens: 20 });
  });
  it('ignores garbage usage values', () => {
    const total = emptyUsage();
    addUsage(total, jsonExchange({ usage: { prompt_tokens: 'many', completion_tokens: -1 } }));
    expect(total).toEqual({ requests: 1, prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 });
  });
  it('reads Responses usage (input/output tokens), in a stream from the terminal event', () => {
    const total = emptyUsage();
    addUsage(total, jsonExchange({ object: 'response', usage: { input_tokens: 7, output_tokens: 3, total_tokens: 10 } }));
    const created = { type: 'response.created', response: { usage: null } };
    const completed = { type: 'response.completed', response: { usage: { input_tokens: 4, output_tokens: 2, total_tokens: 6 } } };
    addUsage(total, sseExchange([created, completed]));
    expect(total).toEqual({ requests: 2, prompt_tokens: 11, completion_tokens: 5, total_tokens: 16 });
  });
});
