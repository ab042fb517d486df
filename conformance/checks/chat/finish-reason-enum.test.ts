import { describe, expect, it } from 'vitest';
import { inputOf, jsonExchange } from '../test-exchange.ts';
import { chatFinishReasonEnum } from './finish-reason-enum.ts';
import { completion } from './test-completion.ts';

describe('chat.finish-reason-enum', () => {
  it.each(['stop', 'length', 'tool_calls', 'content_filter', 'function_call'])('passes on %s', (reason) => {
    expect(chatFinishReasonEnum.run(inputOf(jsonExchange(completion({ finishReason: reason })))).status).toBe('pass');
  });
  it.each(['abort', 'eos', '', null])('fails on %j (F08)', (reason) => {
    const v = chatFinishReasonEnum.run(inputOf(jsonExchange(completion({ finishReason: reason }))));
    expect(v).toMatchObject({ status: 'fail', pointer: '/choices/0/finish_reason', received: JSON.stringify(reason) });
  });
  it('skips a completion without choices', () => {
    expect(chatFinishReasonEnum.run(inputOf(jsonExchange(completion({ choices: [] })))).status).toBe('skip');
  });
});
