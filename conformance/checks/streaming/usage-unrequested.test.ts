import { describe, expect, it } from 'vitest';
import { chunk, openAiTextStream, streamInput, TEXT_REQUEST, usageChunk, USAGE_REQUEST } from './stream-fixtures.ts';
import { streamingUsageUnrequested } from './usage-unrequested.ts';

const plain = [chunk({ role: 'assistant', content: 'Hi' }), chunk({}, 'stop')];

describe('streaming.usage-unrequested', () => {
  it('passes a stream without usage, and usage: null is fine', () => {
    expect(streamingUsageUnrequested.run(streamInput([...plain, '[DONE]'])).status).toBe('pass');
    expect(streamingUsageUnrequested.run(streamInput([chunk({ content: 'Hi' }, 'stop', { usage: null }), '[DONE]'])).status).toBe('pass');
  });
  it('fails a usage chunk sent without include_usage (F09)', () => {
    const v = streamingUsageUnrequested.run(streamInput([...plain, usageChunk(), '[DONE]'], TEXT_REQUEST));
    expect(v).toMatchObject({ status: 'fail', pointer: '/events/2/usage' });
  });
  it('passes usage riding on the finish chunk, which costs a client nothing (as Mistral and Groq send it)', () => {
    const events = [chunk({ role: 'assistant', content: 'Hi' }), chunk({}, 'stop', { usage: { prompt_tokens: 10, completion_tokens: 1, total_tokens: 11 } }), '[DONE]'];
    expect(streamingUsageUnrequested.run(streamInput(events, TEXT_REQUEST)).status).toBe('pass');
  });
  it('skips when the request is unknown (a recording that kept only the chunks)', () => {
    expect(streamingUsageUnrequested.run({ ...streamInput([...plain, usageChunk(), '[DONE]']), request: undefined }).status).toBe('skip');
  });
  it('skips when include_usage was requested', () => {
    expect(streamingUsageUnrequested.run(streamInput(openAiTextStream(), USAGE_REQUEST)).status).toBe('skip');
  });
});
