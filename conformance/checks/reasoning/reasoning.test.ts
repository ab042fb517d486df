// The reasoning checks on literal answers: hidden (OpenAI), in reasoning_content (llama.cpp,
// DeepSeek), in reasoning (Ollama, vLLM), as <think> tags (S21), under a name nobody reads (S20),
// and the declared / detected rule.
import { describe, expect, it } from 'vitest';
import type { CheckInput } from '../../types.ts';
import { inputOf, jsonExchange, sseExchange } from '../test-exchange.ts';
import { reasoningField } from './field.ts';
import { reasoningPresent } from './present.ts';
import { reasoningSeparate } from './separate.ts';
import { reasoningUsageTokens } from './usage-tokens.ts';

const completion = (message: Record<string, unknown>, reasoningTokens?: number) => ({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1,
  model: 'm',
  choices: [{ index: 0, message: { role: 'assistant', content: '42', ...message }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 5, completion_tokens: 30, total_tokens: 35, ...(reasoningTokens === undefined ? {} : { completion_tokens_details: { reasoning_tokens: reasoningTokens } }) },
});
const answer = (message: Record<string, unknown>, reasoningTokens?: number, declared?: boolean): CheckInput => ({
  ...inputOf(jsonExchange(completion(message, reasoningTokens))),
  ...(declared === undefined ? {} : { declared: { reasoning: declared } }),
});
const deltas = (...ds: Record<string, unknown>[]): CheckInput =>
  inputOf(sseExchange([...ds.map((delta) => ({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta, finish_reason: null }] })), '[DONE]']));

describe('reasoning checks', () => {
  it('hidden reasoning (OpenAI): passes, saying no client shows it; counted tokens pass usage-tokens', () => {
    const openai = answer({ content: '42' }, 120);
    expect(reasoningSeparate.run(openai).status).toBe('pass');
    expect(reasoningField.run(openai)).toMatchObject({ status: 'pass', message: /hidden, as OpenAI hides it.*120 reasoning tokens/ });
    expect(reasoningUsageTokens.run(openai).status).toBe('pass');
  });

  it('reasoning_content and reasoning pass, naming the clients that see each', () => {
    expect(reasoningField.run(answer({ reasoning_content: 'Okay' }))).toMatchObject({ status: 'pass', message: /reasoning_content: .*reads reasoning_content first.*ChatOpenAI drops it/ });
    expect(reasoningField.run(answer({ reasoning: 'Okay' }))).toMatchObject({ status: 'pass', message: /in reasoning: .*falls back to reasoning/ });
    expect(reasoningField.run(deltas({ role: 'assistant', content: '' }, { reasoning: 'Ok' }, { content: '42' }))).toMatchObject({ status: 'pass', message: /in reasoning:/ });
  });

  it('S20: a name no client reads fails reasoning.field', () => {
    expect(reasoningField.run(answer({ thinking: 'Okay' }))).toMatchObject({ status: 'fail', pointer: '/choices/0/message/thinking' });
  });

  it('S21: <think> tags in content fail reasoning.separate, streamed or not', () => {
    expect(reasoningSeparate.run(answer({ content: '<think>\nOkay\n</think>\n\n42' }))).toMatchObject({ status: 'fail', received: expect.stringContaining('<think>') });
    expect(reasoningSeparate.run(deltas({ role: 'assistant', content: '<th' }, { content: 'ink>hm</think>42' }))).toMatchObject({ status: 'fail' });
    expect(reasoningField.run(answer({ content: '<think>x</think>42' })).status).toBe('skip');
  });

  it('an undeclared model that shows no reasoning is not judged; a declared one fails reasoning.present', () => {
    const plain = answer({ content: '42' });
    for (const check of [reasoningSeparate, reasoningField, reasoningUsageTokens]) expect(check.run(plain)).toMatchObject({ status: 'skip', message: /no sign of reasoning/ });
    expect(reasoningPresent.run(plain)).toMatchObject({ status: 'skip', message: /does not declare/ });
    expect(reasoningPresent.run(answer({ content: '42' }, 0, true))).toMatchObject({ status: 'fail' });
    expect(reasoningPresent.run(answer({ reasoning: 'Okay' }, undefined, true)).status).toBe('pass');
  });

  it('reasoning.usage-tokens fails (a warning) when reasoning shows but usage counts none', () => {
    expect(reasoningUsageTokens.run(answer({ reasoning: 'Okay' }))).toMatchObject({ status: 'fail', pointer: '/usage/completion_tokens_details' });
  });
});
