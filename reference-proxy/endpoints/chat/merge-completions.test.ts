import { describe, expect, it } from 'vitest';
import { fanOutCount } from '../../normalize/index.ts';
import { mergeCompletions } from './merge-completions.ts';

const completion = (content: string, completion_tokens: number) =>
  JSON.stringify({
    id: `chatcmpl-${content}`, object: 'chat.completion', created: 1, model: 'm',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 10, completion_tokens, total_tokens: 10 + completion_tokens },
  });

describe('fan-out for backends that ignore n (F37)', () => {
  it('asks n times only for profiles that ignore n, and never for streams', () => {
    expect(fanOutCount({ n: 3 }, 'ollama')).toBe(3);
    expect(fanOutCount({ n: 3 }, 'openai')).toBe(1);
    expect(fanOutCount({ n: 3, stream: true }, 'ollama')).toBe(1);
    expect(fanOutCount({}, 'ollama')).toBe(1);
    expect(fanOutCount({ n: 1000 }, 'ollama-legacy')).toBe(128);
  });

  it('merges answers into one completion with re-indexed choices and the prompt counted once', () => {
    const merged = JSON.parse(mergeCompletions([completion('a', 3), completion('b', 5)])!);
    expect(merged.id).toBe('chatcmpl-a');
    expect(merged.choices.map((c: any) => [c.index, c.message.content])).toEqual([[0, 'a'], [1, 'b']]);
    expect(merged.usage).toEqual({ prompt_tokens: 10, completion_tokens: 8, total_tokens: 18 });
  });

  it('refuses answers that are not chat completions', () => {
    expect(mergeCompletions([completion('a', 1), 'not json'])).toBeUndefined();
    expect(mergeCompletions([completion('a', 1), '{"error":{}}'])).toBeUndefined();
  });
});
