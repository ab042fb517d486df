import { describe, expect, it } from 'vitest';
import { inputOf, jsonExchange } from '../test-exchange.ts';
import { chatStatusOk } from './status-ok.ts';
import { completion } from './test-completion.ts';

describe('chat.status-ok', () => {
  it('passes on 200 JSON', () => {
    expect(chatStatusOk.run(inputOf(jsonExchange(completion()))).status).toBe('pass');
  });
  it('fails on an error status, quoting the body', () => {
    const v = chatStatusOk.run(inputOf(jsonExchange({ error: { message: 'boom' } }, { status: 500 })));
    expect(v.status).toBe('fail');
    expect(v.received).toContain('boom');
  });
  it('fails on a missing content type', () => {
    const ex = jsonExchange(completion());
    delete ex.headers['content-type'];
    expect(chatStatusOk.run(inputOf(ex))).toMatchObject({ status: 'fail', received: 'content-type: (none)' });
  });
});
