import { describe, expect, it } from 'vitest';
import { chunk, openAiTextStream, streamInput } from './stream-fixtures.ts';
import { streamingDataJson } from './data-json.ts';

describe('streaming.data-json', () => {
  it('passes JSON chunks and the [DONE] terminator', () => {
    expect(streamingDataJson.run(streamInput(openAiTextStream())).status).toBe('pass');
  });
  it('fails an empty data event (F30: blank keepalive after id: lines)', () => {
    const v = streamingDataJson.run(streamInput([chunk({ role: 'assistant' }), '', chunk({}, 'stop'), '[DONE]']));
    expect(v).toMatchObject({ status: 'fail', pointer: '/events/1', received: expect.stringContaining('""') });
  });
  it('fails a comment re-wrapped as data by a proxy (F29)', () => {
    const v = streamingDataJson.run(streamInput([': OPENROUTER PROCESSING', chunk({}, 'stop'), '[DONE]']));
    expect(v).toMatchObject({ status: 'fail', pointer: '/events/0' });
  });
});
