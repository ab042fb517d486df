import { describe, expect, it } from 'vitest';
import { chunk, openAiTextStream, streamInput, usageChunk, USAGE_REQUEST } from './stream-fixtures.ts';
import { streamingIncremental } from './incremental.ts';

describe('streaming.incremental', () => {
  it('passes a reply spread over several chunks', () => {
    expect(streamingIncremental.run(streamInput(openAiTextStream(), USAGE_REQUEST)).status).toBe('pass');
  });
  it('fails a buffered reply delivered in one chunk (F36)', () => {
    const v = streamingIncremental.run(streamInput([chunk({ role: 'assistant', content: 'Red, green, blue' }), chunk({}, 'stop'), '[DONE]']));
    expect(v).toMatchObject({ status: 'fail', pointer: '/events/0/choices/0/delta/content' });
  });
  it('uses the reported token count when there is one', () => {
    const events = [chunk({ role: 'assistant', content: 'Red' }), chunk({}, 'stop')];
    const oneToken = usageChunk({ prompt_tokens: 9, completion_tokens: 1, total_tokens: 10 });
    const threeTokens = usageChunk({ prompt_tokens: 9, completion_tokens: 3, total_tokens: 12 });
    expect(streamingIncremental.run(streamInput([...events, oneToken, '[DONE]'], USAGE_REQUEST)).status).toBe('skip');
    expect(streamingIncremental.run(streamInput([...events, threeTokens, '[DONE]'], USAGE_REQUEST)).status).toBe('fail');
  });
});
