import { describe, expect, it } from 'vitest';
import { chunk, ollamaTextStream, openAiTextStream, streamInput, TEXT_REQUEST, usageChunk, USAGE_REQUEST } from './stream-fixtures.ts';
import { streamingUsageChunk } from './usage-chunk.ts';
import { GPT5_MODERATION_STREAM, OPENROUTER_ERROR_STREAM, recordedInput } from '../real-traffic.fixtures.ts';

const USAGE = { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 };
const plain = [chunk({ role: 'assistant', content: 'Hi' }), chunk({}, 'stop')];
const run = (events: unknown[]) => streamingUsageChunk.run(streamInput(events, USAGE_REQUEST));

describe('streaming.usage-chunk', () => {
  it('passes one usage chunk with choices: [] last before [DONE]', () => {
    expect(run(openAiTextStream()).status).toBe('pass');
    expect(run(ollamaTextStream()).status).toBe('pass');
  });
  it('fails when include_usage is ignored (F11)', () => {
    expect(run([...plain, '[DONE]'])).toMatchObject({ status: 'fail', received: 'no usage in the stream' });
  });
  it('fails a usage chunk without the choices key (F10)', () => {
    const { choices: _dropped, ...head } = usageChunk(USAGE) as Record<string, unknown>;
    expect(run([...plain, head, '[DONE]'])).toMatchObject({ status: 'fail', pointer: '/events/2/choices' });
  });
  it('fails usage riding on the finish chunk instead of a choices: [] chunk (older llama.cpp)', () => {
    const events = [chunk({ role: 'assistant', content: 'Hi' }), chunk({}, 'stop', { usage: USAGE }), '[DONE]'];
    expect(run(events)).toMatchObject({ status: 'fail', pointer: '/events/1/choices', expected: expect.stringContaining('choices: []') });
  });
  it('fails usage on every chunk (F10)', () => {
    const events = plain.map((c) => ({ ...(c as object), usage: USAGE }));
    expect(run([...events, usageChunk(USAGE), '[DONE]'])).toMatchObject({ status: 'fail', pointer: '/events/0/usage' });
  });
  it('fails a usage chunk that is not the last before [DONE]', () => {
    expect(run([chunk({ role: 'assistant', content: 'Hi' }), usageChunk(USAGE), chunk({}, 'stop'), '[DONE]'])).toMatchObject({ status: 'fail', pointer: '/events/2' });
  });
  it('fails usage with non-integer counts', () => {
    expect(run([...plain, usageChunk({ prompt_tokens: '3', completion_tokens: 2, total_tokens: 5 }), '[DONE]'])).toMatchObject({ status: 'fail', pointer: '/events/2/usage' });
  });
  it("passes OpenAI's moderation chunk after the usage chunk (openai:pydantic-ai:test_openai_moderation_stream#0)", () => {
    expect(streamingUsageChunk.run(recordedInput(GPT5_MODERATION_STREAM)).status).toBe('pass');
  });
  it('passes a stream that ended in an error event carrying the usage (openrouter:pydantic-ai:test_openrouter_stream_error#0)', () => {
    expect(streamingUsageChunk.run(recordedInput(OPENROUTER_ERROR_STREAM))).toMatchObject({ status: 'pass', message: expect.stringContaining('error event') });
  });
  it('skips a stream that ended in an error before any usage (OpenAI: an interrupted stream may lack it)', () => {
    const events = [...plain.slice(0, 1), { error: { message: 'overloaded', type: 'server_error', param: null, code: null } }];
    expect(run(events).status).toBe('skip');
  });
  it('skips a request without include_usage', () => {
    expect(streamingUsageChunk.run(streamInput([...plain, '[DONE]'], TEXT_REQUEST)).status).toBe('skip');
  });
});
