import { describe, expect, it } from 'vitest';
import { inputOf, jsonExchange } from '../test-exchange.ts';
import { chatMaxTokensHonoured } from './max-tokens-honoured.ts';
import { completion, type CompletionInit } from './test-completion.ts';

const request = { model: 'm', messages: [{ role: 'user', content: 'essay' }], max_tokens: 5 };
const usage = (completion_tokens: number) => ({ prompt_tokens: 10, completion_tokens, total_tokens: 10 + completion_tokens });
const run = (init: CompletionInit, req: unknown = request) => chatMaxTokensHonoured.run(inputOf(jsonExchange(completion(init)), req));

describe('chat.max-tokens-honoured', () => {
  it('passes when the limit is hit with finish_reason length', () => {
    expect(run({ usage: usage(5), finishReason: 'length' }).status).toBe('pass');
  });
  it('passes when the model stopped early on its own', () => {
    expect(run({ usage: usage(3), finishReason: 'stop' }).status).toBe('pass');
  });
  it('fails when more tokens than allowed were generated', () => {
    expect(run({ usage: usage(422), finishReason: 'stop' })).toMatchObject({
      status: 'fail',
      pointer: '/usage/completion_tokens',
      received: 'completion_tokens 422',
    });
  });
  it('fails when the limit was hit but finish_reason says stop', () => {
    expect(run({ usage: usage(5), finishReason: 'stop' })).toMatchObject({ status: 'fail', pointer: '/choices/0/finish_reason' });
  });
  it('without usage, fails on a reply with more words than the limit and passes on length', () => {
    expect(run({ usage: null, content: 'one two three four five six seven' })).toMatchObject({ status: 'fail', pointer: '/choices/0/message/content' });
    expect(run({ usage: null, content: 'one two', finishReason: 'length' }).status).toBe('pass');
    expect(run({ usage: null, content: 'one two', finishReason: 'stop' }).status).toBe('skip');
  });
  it('with n > 1 bounds the usage of all choices together (the limit is per choice)', () => {
    const two = { ...request, n: 2 };
    const choice = (index: number) => ({ index, message: { role: 'assistant', content: 'a b c d e', refusal: null }, logprobs: null, finish_reason: 'length' });
    expect(run({ usage: usage(10), choices: [choice(0), choice(1)] }, two).status).toBe('pass');
    expect(run({ usage: usage(11), choices: [choice(0), choice(1)] }, two)).toMatchObject({ status: 'fail', expected: 'completion_tokens <= 10 (5 per choice × n 2)' });
  });
  it('skips when the request has no max_tokens', () => {
    expect(run({ usage: usage(500) }, { ...request, max_tokens: undefined }).status).toBe('skip');
  });
});
