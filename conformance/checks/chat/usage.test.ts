import { describe, expect, it } from 'vitest';
import { inputOf, jsonExchange } from '../test-exchange.ts';
import { completion } from './test-completion.ts';
import { chatUsage } from './usage.ts';

const run = (usage: unknown) => chatUsage.run(inputOf(jsonExchange(completion({ usage }))));

describe('chat.usage', () => {
  it('passes on consistent integer counts', () => {
    expect(run({ prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 }).status).toBe('pass');
  });
  it('fails when usage is absent', () => {
    expect(run(null)).toMatchObject({ status: 'fail', pointer: '/usage' });
  });
  it('fails on a non-integer count', () => {
    expect(run({ prompt_tokens: '5', completion_tokens: 2, total_tokens: 7 })).toMatchObject({ status: 'fail', pointer: '/usage/prompt_tokens' });
  });
  it('fails when the total does not add up', () => {
    expect(run({ prompt_tokens: 5, completion_tokens: 2, total_tokens: 9 })).toMatchObject({
      status: 'fail',
      pointer: '/usage/total_tokens',
      expected: '7',
      received: '9',
    });
  });
});
