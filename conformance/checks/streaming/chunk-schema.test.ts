import { describe, expect, it } from 'vitest';
import { chunk, openAiTextStream, streamInput, USAGE_REQUEST } from './stream-fixtures.ts';
import { streamingChunkSchema } from './chunk-schema.ts';

describe('streaming.chunk-schema', () => {
  it('passes the OpenAI observed stream', () => {
    expect(streamingChunkSchema.run(streamInput(openAiTextStream(), USAGE_REQUEST)).status).toBe('pass');
  });
  it('fails a usage chunk without choices (F10)', () => {
    const { choices: _dropped, ...noChoices } = chunk({}) as Record<string, unknown>;
    const usageOnly = { ...noChoices, usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } };
    const v = streamingChunkSchema.run(streamInput([chunk({ content: 'Hi' }, 'stop'), usageOnly, '[DONE]'], USAGE_REQUEST));
    expect(v).toMatchObject({ status: 'fail', pointer: '/events/1' });
    expect(v.received).toContain('choices');
  });
  it('points into the chunk at the offending field', () => {
    const v = streamingChunkSchema.run(streamInput([chunk({ content: 'Hi' }, 'stop', { object: 'chat.completion' }), '[DONE]']));
    expect(v).toMatchObject({ status: 'fail', pointer: '/events/0/object' });
  });
});
