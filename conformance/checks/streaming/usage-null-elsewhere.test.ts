import { describe, expect, it } from 'vitest';
import { chunk, ollamaTextStream, openAiTextStream, streamInput, TEXT_REQUEST, usageChunk, USAGE_REQUEST } from './stream-fixtures.ts';
import { streamingUsageNullElsewhere } from './usage-null-elsewhere.ts';

const run = (events: unknown[]) => streamingUsageNullElsewhere.run(streamInput(events, USAGE_REQUEST));

describe('streaming.usage-null-elsewhere', () => {
  it('passes usage: null on every chunk but the usage chunk (OpenAI)', () => {
    expect(run(openAiTextStream()).status).toBe('pass');
  });
  it('warns, never fails, when other chunks omit the key (Ollama)', () => {
    expect(run(ollamaTextStream())).toMatchObject({ status: 'warn', pointer: '/events/0' });
  });
  it('fails non-null usage on an earlier chunk', () => {
    const early = chunk({ content: 'Hi' }, 'stop', { usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } });
    expect(run([early, usageChunk(), '[DONE]'])).toMatchObject({ status: 'fail', pointer: '/events/0/usage' });
  });
  it('skips without include_usage', () => {
    expect(streamingUsageNullElsewhere.run(streamInput(openAiTextStream(), TEXT_REQUEST)).status).toBe('skip');
  });
});
