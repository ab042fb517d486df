import { describe, expect, it } from 'vitest';
import { inputOf, jsonExchange } from '../test-exchange.ts';
import { chatSchema } from './schema.ts';
import { completion } from './test-completion.ts';

describe('chat.schema', () => {
  it('passes on a spec-valid completion', () => {
    expect(chatSchema.run(inputOf(jsonExchange(completion()))).status).toBe('pass');
  });
  it('fails when message.refusal is missing (F33), pointing at it', () => {
    const body = completion({ choices: [{ index: 0, message: { role: 'assistant', content: 'x' }, logprobs: null, finish_reason: 'stop' }] });
    const v = chatSchema.run(inputOf(jsonExchange(body)));
    expect(v).toMatchObject({ status: 'fail', pointer: '/choices/0/message/refusal' });
    expect(v.expected).toContain('missing required property "refusal"');
  });
  it('fails when logprobs is missing (F33)', () => {
    const body = completion({ choices: [{ index: 0, message: { role: 'assistant', content: 'x', refusal: null }, finish_reason: 'stop' }] });
    expect(chatSchema.run(inputOf(jsonExchange(body)))).toMatchObject({ status: 'fail', pointer: '/choices/0/logprobs' });
  });
  it('skips a non-2xx answer', () => {
    expect(chatSchema.run(inputOf(jsonExchange({}, { status: 400 }))).status).toBe('skip');
  });
});
