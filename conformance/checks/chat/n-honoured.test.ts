import { describe, expect, it } from 'vitest';
import { inputOf, jsonExchange } from '../test-exchange.ts';
import { chatNHonoured } from './n-honoured.ts';
import { completion } from './test-completion.ts';

const choice = (index: number) => ({ index, message: { role: 'assistant', content: 'hi', refusal: null }, logprobs: null, finish_reason: 'stop' });
const request = { model: 'm', messages: [{ role: 'user', content: 'hi' }], n: 2 };
const run = (choices: unknown[]) => chatNHonoured.run(inputOf(jsonExchange(completion({ choices })), request));

describe('chat.n-honoured', () => {
  it('passes on two choices indexed 0 and 1', () => {
    expect(run([choice(1), choice(0)]).status).toBe('pass');
  });
  it('fails when n is ignored (F37)', () => {
    expect(run([choice(0)])).toMatchObject({ status: 'fail', pointer: '/choices', received: '1 choice(s) with indices [0]' });
  });
  it('fails on duplicate indices', () => {
    expect(run([choice(0), choice(0)]).status).toBe('fail');
  });
});
