import { describe, expect, it } from 'vitest';
import { chunk, openAiTextStream, streamInput } from './stream-fixtures.ts';
import { streamingCreatedStable } from './created-stable.ts';

describe('streaming.created-stable', () => {
  it('passes one timestamp throughout', () => {
    expect(streamingCreatedStable.run(streamInput(openAiTextStream())).status).toBe('pass');
  });
  it('fails created ticking forward mid-stream (F35)', () => {
    const events = [chunk({ role: 'assistant', content: 'a' }), chunk({ content: 'b' }, null, { created: 1770933893 }), chunk({}, 'stop'), '[DONE]'];
    expect(streamingCreatedStable.run(streamInput(events))).toMatchObject({ status: 'fail', pointer: '/events/1/created', received: '1770933893' });
  });
});
