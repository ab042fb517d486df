import { describe, expect, it } from 'vitest';
import { chunk, openAiTextStream, streamInput } from './stream-fixtures.ts';
import { streamingIdStable } from './id-stable.ts';

describe('streaming.id-stable', () => {
  it('passes one id throughout', () => {
    expect(streamingIdStable.run(streamInput(openAiTextStream())).status).toBe('pass');
  });
  it('fails a chunk with another id', () => {
    const v = streamingIdStable.run(streamInput([chunk({ content: 'a' }), chunk({}, 'stop', { id: 'chatcmpl-other' }), '[DONE]']));
    expect(v).toMatchObject({ status: 'fail', pointer: '/events/1/id', received: '"chatcmpl-other"' });
  });
});
