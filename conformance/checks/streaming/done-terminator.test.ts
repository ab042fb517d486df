import { describe, expect, it } from 'vitest';
import { chunk, openAiTextStream, streamInput, TEXT_REQUEST } from './stream-fixtures.ts';
import { streamingDoneTerminator } from './done-terminator.ts';

const body = [chunk({ role: 'assistant', content: 'Hi' }), chunk({}, 'stop')];

describe('streaming.done-terminator', () => {
  it('passes a stream ending in [DONE]', () => {
    expect(streamingDoneTerminator.run(streamInput(openAiTextStream())).status).toBe('pass');
  });
  it('fails a stream that ends without [DONE] (F31)', () => {
    expect(streamingDoneTerminator.run(streamInput(body))).toMatchObject({ status: 'fail', pointer: '/events/1', expected: 'last event data: [DONE]' });
  });
  it('fails events after [DONE]', () => {
    const v = streamingDoneTerminator.run(streamInput([...body, '[DONE]', chunk({ content: 'late' })]));
    expect(v).toMatchObject({ status: 'fail', pointer: '/events/3' });
  });
  it('skips a capture cut at the harness cap', () => {
    const input = streamInput(body, TEXT_REQUEST);
    input.exchange.truncated = true;
    expect(streamingDoneTerminator.run(input).status).toBe('skip');
  });
});
