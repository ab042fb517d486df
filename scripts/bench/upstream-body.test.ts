import { describe, expect, it } from 'vitest';
import { chunkEvent, completionJson, SENT_FIELD, shapedModel, streamShape } from './upstream-body.ts';

describe('streamShape', () => {
  const defaults = { chunks: 50, delayMs: 10 };
  it('uses the defaults for the plain model', () => expect(streamShape('bench', defaults)).toEqual(defaults));
  it('reads chunks and delay from a shaped model name', () => expect(streamShape('bench-400x100ms', defaults)).toEqual({ chunks: 400, delayMs: 100 }));
  it('round-trips through shapedModel', () => expect(streamShape(shapedModel({ chunks: 7, delayMs: 2.5 }), defaults)).toEqual({ chunks: 7, delayMs: 2.5 }));
  it('ignores names that only look alike', () => expect(streamShape('bench-4x', defaults)).toEqual(defaults));
});

describe('chunkEvent', () => {
  const parse = (event: string) => JSON.parse(event.replace(/^data: /, '').trim());
  it('opens with the assistant role, carries content in the middle and finish_reason last', () => {
    const [first, middle, last] = [0, 1, 2].map((i) => parse(chunkEvent('bench', i, 3, 42 + i)));
    expect(first.choices[0]).toMatchObject({ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null });
    expect(middle.choices[0].delta).toEqual({ content: 'tok ' });
    expect(last.choices[0]).toMatchObject({ delta: {}, finish_reason: 'stop' });
    expect(last[SENT_FIELD]).toBe(44);
    expect(first.object).toBe('chat.completion.chunk');
  });
  it('frames each chunk as one SSE event', () => expect(chunkEvent('m', 0, 2, 1)).toMatch(/^data: \{.*\}\n\n$/s));
});

describe('completionJson', () => {
  it('is a chat.completion with one stopped choice and usage', () => {
    const body = JSON.parse(completionJson('bench'));
    expect(body).toMatchObject({ object: 'chat.completion', model: 'bench', choices: [{ message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }] });
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens + body.usage.completion_tokens);
  });
});
