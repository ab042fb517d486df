import { describe, expect, it } from 'vitest';
import { editEvent, streamInput, textEvents, toolEvents, without } from './responses.fixtures.ts';
import { responsesStreamIndices } from './stream-indices.ts';

const strip = (e: Record<string, any>) => {
  const { output_index: _o, content_index: _c, ...rest } = e;
  return rest;
};

describe('responses.stream-indices', () => {
  it('passes OpenAI\'s text and tool streams', () => {
    expect(responsesStreamIndices.run(streamInput(textEvents())).status).toBe('pass');
    expect(responsesStreamIndices.run(streamInput(toolEvents())).status).toBe('pass');
  });
  it('fails events without output_index or content_index (S02)', () => {
    expect(responsesStreamIndices.run(streamInput(textEvents().map(strip)))).toMatchObject({ status: 'fail', pointer: '/events/2/output_index' });
    const noContent = editEvent(textEvents(), 'response.output_text.delta', (e) => ({ ...e, content_index: undefined }));
    expect(responsesStreamIndices.run(streamInput(noContent))).toMatchObject({ status: 'fail', pointer: '/events/4/content_index' });
  });
  it('fails an item that skips a position and text for a part never announced', () => {
    const skipped = editEvent(textEvents(), 'response.output_item.added', (e) => ({ ...e, output_index: 1 }));
    expect(responsesStreamIndices.run(streamInput(skipped))).toMatchObject({ status: 'fail', expected: 'output_index 0' });
    expect(responsesStreamIndices.run(streamInput(without(textEvents(), 'response.content_part.added')))).toMatchObject({ status: 'fail', message: /no content_part.added announced/ });
  });
});
