import { describe, expect, it } from 'vitest';
import { inputOf, jsonExchange } from '../test-exchange.ts';
import { chatMaxCompletionTokensHonoured } from './max-completion-tokens-honoured.ts';
import { completion } from './test-completion.ts';

const request = { model: 'm', messages: [{ role: 'user', content: 'essay' }], max_completion_tokens: 5 };
const usage = (completion_tokens: number) => ({ prompt_tokens: 10, completion_tokens, total_tokens: 10 + completion_tokens });

describe('chat.max-completion-tokens-honoured', () => {
  it('passes when max_completion_tokens is honoured', () => {
    const ex = jsonExchange(completion({ usage: usage(5), finishReason: 'length' }));
    expect(chatMaxCompletionTokensHonoured.run(inputOf(ex, request)).status).toBe('pass');
  });
  it('fails when it is ignored (F21: Ollama generated 422 tokens)', () => {
    const ex = jsonExchange(completion({ usage: usage(422), finishReason: 'stop' }));
    const v = chatMaxCompletionTokensHonoured.run(inputOf(ex, request));
    expect(v).toMatchObject({ status: 'fail', expected: 'completion_tokens <= 5' });
    expect(v.message).toContain('max_completion_tokens 5');
  });
  it('judges max_completion_tokens, not max_tokens', () => {
    const ex = jsonExchange(completion({ usage: usage(422) }));
    expect(chatMaxCompletionTokensHonoured.run(inputOf(ex, { model: 'm', max_tokens: 5 })).status).toBe('skip');
  });
});
