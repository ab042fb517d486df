import { describe, expect, it } from 'vitest';
import { GPT5_MODERATION_STREAM, QWEN_TOOL_STREAM, recordedInput } from '../real-traffic.fixtures.ts';
import { chunk, openAiTextStream, openAiToolStream, streamInput, USAGE_REQUEST } from './stream-fixtures.ts';
import { streamingChunkSchemaStrict } from './chunk-schema-strict.ts';

describe('streaming.chunk-schema-strict', () => {
  it('is advice (MAY)', () => {
    expect(streamingChunkSchemaStrict.level).toBe('MAY');
  });
  it("passes OpenAI's streams, recorded and observed", () => {
    expect(streamingChunkSchemaStrict.run(recordedInput(GPT5_MODERATION_STREAM)).status).toBe('pass');
    expect(streamingChunkSchemaStrict.run(streamInput(openAiTextStream(), USAGE_REQUEST)).status).toBe('pass');
    expect(streamingChunkSchemaStrict.run(streamInput(openAiToolStream())).status).toBe('pass');
  });
  it('flags the real qwen3-max chunk without a finish_reason key (alibaba-qwen:ai:alibaba-tool-call)', () => {
    expect(streamingChunkSchemaStrict.run(recordedInput(QWEN_TOOL_STREAM))).toMatchObject({ status: 'fail', pointer: '/events/3/choices/0' });
  });
  it('flags tool_calls: null (F32)', () => {
    const v = streamingChunkSchemaStrict.run(streamInput([chunk({ role: 'assistant', content: 'Hi', tool_calls: null }, 'stop'), '[DONE]']));
    expect(v).toMatchObject({ status: 'fail', pointer: '/events/0/choices/0/delta/tool_calls' });
  });
  it('leaves chunks clients cannot parse to streaming.chunk-schema', () => {
    expect(streamingChunkSchemaStrict.run(streamInput([chunk({ content: 7 }, 'stop'), '[DONE]'])).status).toBe('skip');
  });
});
