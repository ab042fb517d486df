import { describe, expect, it } from 'vitest';
import type { SseCapture } from '../../types.ts';
import { openAiTextStream, streamInput, TEXT_REQUEST } from './stream-fixtures.ts';
import { streamingSseHazards } from './sse-hazards.ts';

const run = (sse: Partial<SseCapture>, comments: string[] = []) =>
  streamingSseHazards.run(streamInput(openAiTextStream(), TEXT_REQUEST, { sse, comments }));

describe('streaming.sse-hazards', () => {
  it('passes data-only SSE', () => {
    expect(run({}).status).toBe('pass');
  });
  it('warns about comment lines (F29), naming them', () => {
    const v = run({}, [' OPENROUTER PROCESSING']);
    expect(v.status).toBe('warn');
    expect(v.message).toContain('OPENROUTER PROCESSING');
  });
  it('warns about id: fields (F30) and points at the first', () => {
    const events = openAiTextStream().map((e, i) => ({ data: JSON.stringify(e), id: i > 0 ? String(i) : undefined, at: i }));
    const v = run({ events });
    expect(v).toMatchObject({ status: 'warn', pointer: '/events/1' });
    expect(v.received).toContain('id:');
  });
  it('never fails, however many hazards', () => {
    const v = run({ retries: [1000], unknownFields: ['foo'], lineEndings: ['CR'] }, [':']);
    expect(v.status).toBe('warn');
    expect(v.received).toContain('retry: 1000');
  });
});
