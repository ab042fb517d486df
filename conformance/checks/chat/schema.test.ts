import { describe, expect, it } from 'vitest';
import { GPT5_MINI_REQUIRED, GPT5_NONSTREAM, recordedInput } from '../real-traffic.fixtures.ts';
import { inputOf, jsonExchange } from '../test-exchange.ts';
import { chatSchema } from './schema.ts';
import { completion } from './test-completion.ts';

const judge = (body: unknown) => chatSchema.run(inputOf(jsonExchange(body)));
const messageOnly = (message: object) => completion({ choices: [{ index: 0, message, logprobs: null, finish_reason: 'stop' }] });

describe('chat.schema', () => {
  it('passes on a spec-valid completion', () => {
    expect(judge(completion()).status).toBe('pass');
  });
  it('passes real gpt-5 answers: system_fingerprint null, no choices[].logprobs (issue #9)', () => {
    expect(chatSchema.run(recordedInput(GPT5_NONSTREAM)).status).toBe('pass');
    expect(chatSchema.run(recordedInput(GPT5_MINI_REQUIRED)).status).toBe('pass');
  });
  it('passes a missing message.refusal, which no client needs (F33 is chat.schema-strict)', () => {
    expect(judge(messageOnly({ role: 'assistant', content: 'x' })).status).toBe('pass');
  });
  it('fails content a client cannot read as text, pointing at it', () => {
    const v = judge(messageOnly({ role: 'assistant', content: [{ type: 'text', text: 'x' }], refusal: null }));
    expect(v).toMatchObject({ status: 'fail', pointer: '/choices/0/message/content' });
  });
  it('puts every schema error in the details, and says so in the message', () => {
    const body = completion({ choices: [{ index: '0', message: { role: 'user', content: 1 }, finish_reason: 'stop' }] });
    const v = judge(body);
    expect(v.message).toMatch(/and 2 more, listed in the details/);
    expect(v.details).toEqual([
      '/choices/0/index: must be integer',
      '/choices/0/message/role: must be equal to one of the allowed values: ["assistant"]',
      '/choices/0/message/content: must be string,null',
    ]);
  });
  it('skips a non-2xx answer', () => {
    expect(chatSchema.run(inputOf(jsonExchange({}, { status: 400 }))).status).toBe('skip');
  });
});
