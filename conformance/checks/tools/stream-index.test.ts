import { describe, expect, it } from 'vitest';
import { ollamaToolStream, openAiTextStream, openAiToolStream, streamInput } from '../streaming/stream-fixtures.ts';
import { toolsStreamIndex } from './stream-index.ts';
import { completion, completionInput, STREAM_REQUEST, toolStream, weatherCall } from './tool-fixtures.ts';

const run = (events: unknown[]) => toolsStreamIndex.run(streamInput(events, STREAM_REQUEST));

describe('tools.stream-index', () => {
  it('passes fragments that all carry an integer index', () => {
    expect(run(openAiToolStream()).status).toBe('pass');
    expect(run(ollamaToolStream()).status).toBe('pass');
  });
  it('fails fragments without index (F02, Gemini / old Ollama)', () => {
    const { index: _dropped, ...noIndex } = { index: 0, ...weatherCall() };
    expect(run(toolStream([[noIndex]]))).toMatchObject({ status: 'fail', pointer: '/events/0/choices/0/delta/tool_calls/0' });
  });
  it('skips a stream without tool calls and a non-stream reply', () => {
    expect(run(openAiTextStream()).status).toBe('skip');
    expect(toolsStreamIndex.run(completionInput(completion([weatherCall()]))).status).toBe('skip');
  });
});
