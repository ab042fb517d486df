// The legacy completions checks on literal answers: OpenAI's body and stream (the shapes of the
// recorded vercel/ai fixture) pass; each deviation the checks exist for fails.
import { describe, expect, it } from 'vitest';
import type { CheckInput } from '../../types.ts';
import { inputOf, jsonExchange, sseExchange } from '../test-exchange.ts';
import { completionsFinishReason } from './finish-reason.ts';
import { completionsMaxTokensHonoured } from './max-tokens-honoured.ts';
import { completionsSchema } from './schema.ts';
import { completionsStopHonoured } from './stop-honoured.ts';
import { completionsStreamChunks } from './stream-chunks.ts';
import { completionsStreamDone } from './stream-done.ts';
import { completionsStreamFinishReason } from './stream-finish-reason.ts';
import { completionsStreamUsage } from './stream-usage.ts';
import { completionsUsage } from './usage.ts';

const USAGE = { prompt_tokens: 14, completion_tokens: 5, total_tokens: 19 };
const body = (text: string, finish: string | null = 'length', extra: Record<string, unknown> = {}) => ({
  id: 'cmpl-D8ZFHlGItjM5Nghki1LmZIRscBz2P',
  object: 'text_completion',
  created: 1770934479,
  model: 'gpt-3.5-turbo-instruct:20230824-v2',
  choices: [{ text, index: 0, logprobs: null, finish_reason: finish }],
  usage: USAGE,
  ...extra,
});
const answer = (b: unknown, request: Record<string, unknown> = {}): CheckInput => inputOf(jsonExchange(b, { path: '/completions', request: { model: 'm', prompt: 'p', ...request } }));

const chunk = (text: string, finish: string | null = null, usage: unknown = null) => ({ ...body(text, finish), usage });
const usageChunk = { ...body('', null), choices: [], usage: USAGE };
const stream = (events: unknown[], request: Record<string, unknown> = { stream_options: { include_usage: true } }): CheckInput =>
  inputOf(sseExchange(events, { path: '/completions', request: { model: 'm', prompt: 'p', stream: true, ...request } }));

describe('completions body checks', () => {
  it('pass OpenAI\'s answer', () => {
    for (const check of [completionsSchema, completionsFinishReason, completionsUsage]) expect(check.run(answer(body(' The new holiday'))).status, check.id).toBe('pass');
  });

  it('completions.schema fails a chat-shaped answer and a null finish_reason', () => {
    const chat = { ...body('x'), object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: 'x' }, finish_reason: 'stop' }] };
    expect(completionsSchema.run(answer(chat))).toMatchObject({ status: 'fail', pointer: '/object' });
    expect(completionsSchema.run(answer(body('x', null)))).toMatchObject({ status: 'fail', pointer: '/choices/0/finish_reason' });
  });

  it('completions.finish-reason and completions.usage', () => {
    expect(completionsFinishReason.run(answer(body('x', 'eos')))).toMatchObject({ status: 'fail', received: '"eos"' });
    expect(completionsUsage.run(answer({ ...body('x'), usage: undefined }))).toMatchObject({ status: 'fail', pointer: '/usage' });
  });

  it('completions.max-tokens-honoured: too many tokens, or the limit reached without "length", fail', () => {
    expect(completionsMaxTokensHonoured.run(answer(body(' 1 2 3 4 5'), { max_tokens: 5 })).status).toBe('pass');
    expect(completionsMaxTokensHonoured.run(answer({ ...body(' 1 2 3', 'stop'), usage: { ...USAGE, completion_tokens: 9 } }, { max_tokens: 5 }))).toMatchObject({ status: 'fail', received: 'completion_tokens 9' });
    expect(completionsMaxTokensHonoured.run(answer(body(' 1 2 3 4 5', 'stop'), { max_tokens: 5 }))).toMatchObject({ status: 'fail', expected: 'finish_reason "length"' });
  });

  it('completions.stop-honoured: text past the stop sequence fails', () => {
    expect(completionsStopHonoured.run(answer(body(' 1 2 3 4 5 6 ', 'stop'), { stop: ['7'] })).status).toBe('pass');
    expect(completionsStopHonoured.run(answer(body(' 1 2 7 8', 'length'), { stop: ['7'] }))).toMatchObject({ status: 'fail', pointer: '/choices/0/text' });
    expect(completionsStopHonoured.run(answer(body(' 1 2', 'length'), { stop: '7' }))).toMatchObject({ status: 'fail', received: '"length"' });
  });
});

describe('completions stream checks', () => {
  const good = [chunk('The'), chunk(' holiday', 'length'), usageChunk, '[DONE]'];

  it('pass OpenAI\'s stream', () => {
    for (const check of [completionsStreamChunks, completionsStreamDone, completionsStreamFinishReason, completionsStreamUsage]) {
      expect(check.run(stream(good)).status, check.id).toBe('pass');
    }
  });

  it('completions.stream-chunks fails a payload that is not JSON, an error payload and a chat chunk', () => {
    expect(completionsStreamChunks.run(stream([chunk('a'), '{oops', '[DONE]']))).toMatchObject({ status: 'fail', pointer: '/events/1' });
    expect(completionsStreamChunks.run(stream([{ error: { message: 'boom' } }, '[DONE]']))).toMatchObject({ status: 'fail', message: /error payload/ });
    const chat = { ...chunk('a'), object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: 'a' }, finish_reason: null }] };
    expect(completionsStreamChunks.run(stream([chat, '[DONE]']))).toMatchObject({ status: 'fail', pointer: '/events/0/object' });
  });

  it('completions.stream-done fails a missing or early [DONE]', () => {
    expect(completionsStreamDone.run(stream(good.slice(0, -1)))).toMatchObject({ status: 'fail', message: /without data: \[DONE\]/ });
    expect(completionsStreamDone.run(stream(['[DONE]', chunk('late')]))).toMatchObject({ status: 'fail', pointer: '/events/1' });
  });

  it('completions.stream-finish-reason: none, an unknown one, or text after it fail; a separate empty finishing chunk passes', () => {
    expect(completionsStreamFinishReason.run(stream([chunk('a'), '[DONE]']))).toMatchObject({ status: 'fail', message: /no chunk carried/ });
    expect(completionsStreamFinishReason.run(stream([chunk('a', 'eos'), '[DONE]']))).toMatchObject({ status: 'fail', received: '"eos"' });
    expect(completionsStreamFinishReason.run(stream([chunk('a', 'stop'), chunk('b'), '[DONE]']))).toMatchObject({ status: 'fail', message: /continues after/ });
    expect(completionsStreamFinishReason.run(stream([chunk('a'), chunk('', 'stop'), '[DONE]'])).status).toBe('pass');
  });

  it('completions.stream-usage: S26 a zero usage on every chunk fails; skips without include_usage', () => {
    const zero = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };
    expect(completionsStreamUsage.run(stream([chunk('a', null, zero), chunk('b', 'stop', zero), usageChunk, '[DONE]']))).toMatchObject({ status: 'fail', pointer: '/events/0/usage' });
    expect(completionsStreamUsage.run(stream([chunk('a', 'stop'), '[DONE]']))).toMatchObject({ status: 'fail', message: /no chunk carried usage/ });
    expect(completionsStreamUsage.run(stream(good, {})).status).toBe('skip');
  });
});
