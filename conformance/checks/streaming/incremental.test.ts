import { describe, expect, it } from 'vitest';
import { chunk, openAiTextStream, streamInput, usageChunk, USAGE_REQUEST } from './stream-fixtures.ts';
import { streamingIncremental } from './incremental.ts';
import { recordedInput, ZAI_REASONING_STREAM } from '../real-traffic.fixtures.ts';

describe('streaming.incremental', () => {
  it('passes a reply spread over several chunks', () => {
    expect(streamingIncremental.run(streamInput(openAiTextStream(), USAGE_REQUEST)).status).toBe('pass');
  });
  it('fails a buffered reply delivered in one chunk (F36)', () => {
    const v = streamingIncremental.run(streamInput([chunk({ role: 'assistant', content: 'Red, green, blue' }), chunk({}, 'stop'), '[DONE]']));
    expect(v).toMatchObject({ status: 'fail', pointer: '/events/0/choices/0/delta/content' });
  });
  it('uses the reported token count when there is one', () => {
    const events = [chunk({ role: 'assistant', content: 'Red, green' }), chunk({}, 'stop')];
    const oneToken = usageChunk({ prompt_tokens: 9, completion_tokens: 1, total_tokens: 10 });
    const threeTokens = usageChunk({ prompt_tokens: 9, completion_tokens: 3, total_tokens: 12 });
    expect(streamingIncremental.run(streamInput([...events, oneToken, '[DONE]'], USAGE_REQUEST)).status).toBe('skip');
    expect(streamingIncremental.run(streamInput([...events, threeTokens, '[DONE]'], USAGE_REQUEST)).status).toBe('fail');
  });
  it('does not count hidden reasoning tokens as reply tokens', () => {
    const events = [chunk({ role: 'assistant', content: 'Red, green' }), chunk({}, 'stop')];
    const reasoning = usageChunk({ prompt_tokens: 9, completion_tokens: 40, total_tokens: 49, completion_tokens_details: { reasoning_tokens: 39 } });
    expect(streamingIncremental.run(streamInput([...events, reasoning, '[DONE]'], USAGE_REQUEST)).status).toBe('skip');
  });
  it('skips a real one-token reply after 561 reasoning tokens (zai:pydantic-ai:test_zai_thinking_stream#0)', () => {
    expect(streamingIncremental.run(recordedInput(ZAI_REASONING_STREAM)).status).toBe('skip');
  });
  it('skips a one-word reply whatever the count says: servers count end-of-turn tokens too', () => {
    const events = [chunk({ role: 'assistant', content: '4' }), chunk({}, 'stop')];
    const five = usageChunk({ prompt_tokens: 9, completion_tokens: 5, total_tokens: 14 });
    expect(streamingIncremental.run(streamInput([...events, five, '[DONE]'], USAGE_REQUEST)).status).toBe('skip');
  });
});
