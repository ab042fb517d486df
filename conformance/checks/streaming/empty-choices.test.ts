import { describe, expect, it } from 'vitest';
import { chunk, openAiTextStream, streamInput, USAGE_REQUEST } from './stream-fixtures.ts';
import { streamingEmptyChoices } from './empty-choices.ts';
import { GPT5_MODERATION_STREAM, recordedInput } from '../real-traffic.fixtures.ts';

describe('streaming.empty-choices', () => {
  it('passes choices: [] on the usage chunk', () => {
    expect(streamingEmptyChoices.run(streamInput(openAiTextStream(), USAGE_REQUEST)).status).toBe('pass');
  });
  it("passes OpenAI's moderation chunk, which has choices: [] and follows the usage chunk (openai:pydantic-ai:test_openai_moderation_stream#0)", () => {
    expect(streamingEmptyChoices.run(recordedInput(GPT5_MODERATION_STREAM)).status).toBe('pass');
  });
  it('fails an empty-choices preamble that is not the usage chunk (F12, Azure content filter)', () => {
    const preamble = { ...(chunk({}) as object), object: '', choices: [] };
    const v = streamingEmptyChoices.run(streamInput([preamble, chunk({ role: 'assistant', content: 'Hi' }, 'stop'), '[DONE]']));
    expect(v).toMatchObject({ status: 'fail', pointer: '/events/0/choices' });
  });
});
