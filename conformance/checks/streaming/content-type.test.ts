import { describe, expect, it } from 'vitest';
import { openAiTextStream, streamInput, TEXT_REQUEST } from './stream-fixtures.ts';
import { streamingContentType } from './content-type.ts';

const run = (headers: Record<string, string>, status = 200) =>
  streamingContentType.run(streamInput(openAiTextStream(), TEXT_REQUEST, { headers, status }));

describe('streaming.content-type', () => {
  it('passes text/event-stream, with or without parameters', () => {
    expect(run({}).status).toBe('pass');
    expect(run({ 'content-type': 'Text/Event-Stream; charset=utf-8' }).status).toBe('pass');
  });
  it('fails a stream served as application/json', () => {
    expect(run({ 'content-type': 'application/json' })).toMatchObject({ status: 'fail', received: 'content-type: "application/json"' });
  });
  it('skips an error status', () => {
    expect(run({ 'content-type': 'application/json' }, 400).status).toBe('skip');
  });
});
