import { describe, expect, it } from 'vitest';
import { inputOf, jsonExchange } from '../test-exchange.ts';
import { chatStopHonoured } from './stop-honoured.ts';
import { completion } from './test-completion.ts';

const request = { model: 'm', messages: [{ role: 'user', content: 'count' }], stop: ['7'] };
const run = (content: string, finishReason = 'stop', req: unknown = request) =>
  chatStopHonoured.run(inputOf(jsonExchange(completion({ content, finishReason })), req));

describe('chat.stop-honoured', () => {
  it('passes when output stops before the stop string', () => {
    expect(run('1 2 3 4 5 6 ').status).toBe('pass');
  });
  it('accepts stop as a plain string', () => {
    expect(run('1 2 3 4 5 6 ', 'stop', { ...request, stop: '7' }).status).toBe('pass');
  });
  it('fails when the stop string is in the output', () => {
    expect(run('1 2 3 4 5 6 7 8')).toMatchObject({ status: 'fail', pointer: '/choices/0/message/content' });
  });
  it('fails when finish_reason is not stop', () => {
    expect(run('1 2 3', 'eos')).toMatchObject({ status: 'fail', pointer: '/choices/0/finish_reason', received: '"eos"' });
  });
  it('skips a reply the token limit or a tool call ended before any stop sequence (nothing to judge)', () => {
    expect(run('1 2 3', 'length').status).toBe('skip');
    expect(run('', 'tool_calls').status).toBe('skip');
    expect(run('1 2 3 4 5 6 7 8', 'length').status).toBe('fail');
  });
  it('skips without a stop sequence in the request', () => {
    expect(run('7', 'stop', { model: 'm' }).status).toBe('skip');
  });
});
