import { describe, expect, it } from 'vitest';
import { GPT5_MODERATION_STREAM, QWEN_TOOL_STREAM, recordedInput } from '../real-traffic.fixtures.ts';
import { chunk, openAiTextStream, streamInput, USAGE_REQUEST } from './stream-fixtures.ts';
import { streamingChunkSchema } from './chunk-schema.ts';

describe('streaming.chunk-schema', () => {
  it('passes the OpenAI observed stream', () => {
    expect(streamingChunkSchema.run(streamInput(openAiTextStream(), USAGE_REQUEST)).status).toBe('pass');
  });
  it('passes a real gpt-5 stream: system_fingerprint null, no logprobs, a moderation chunk (issue #9)', () => {
    expect(streamingChunkSchema.run(recordedInput(GPT5_MODERATION_STREAM)).status).toBe('pass');
  });
  it('passes a real qwen3-max chunk whose choice has no finish_reason key (spec letter only)', () => {
    expect(streamingChunkSchema.run(recordedInput(QWEN_TOOL_STREAM)).status).toBe('pass');
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
  it('lists every error of every invalid chunk in the details', () => {
    const events = [chunk({ content: 7 }), chunk({ content: 'x' }, 'stop', { object: 'chunk' }), '[DONE]'];
    const v = streamingChunkSchema.run(streamInput(events));
    expect(v.message).toMatch(/^2 of 2 chunks/);
    expect(v.details).toEqual([
      '/events/0/choices/0/delta/content: must be string,null',
      '/events/1/object: must be equal to one of the allowed values: ["chat.completion.chunk"]',
    ]);
  });
});
