import { describe, expect, it } from 'vitest';
import { inputOf, jsonExchange } from '../test-exchange.ts';
import { chatStreamOptionsTolerated } from './stream-options-tolerated.ts';
import { completion } from './test-completion.ts';

describe('chat.stream-options-tolerated', () => {
  it('passes when the completion is served', () => {
    expect(chatStreamOptionsTolerated.run(inputOf(jsonExchange(completion()))).status).toBe('pass');
  });
  it('fails on the vLLM rejection (F40)', () => {
    const body = { error: { message: 'Stream options can only be defined when `stream=True`.', type: 'BadRequestError', param: null, code: 400 } };
    const v = chatStreamOptionsTolerated.run(inputOf(jsonExchange(body, { status: 400 })));
    expect(v.status).toBe('fail');
    expect(v.received).toContain('Stream options can only be defined');
  });
});
