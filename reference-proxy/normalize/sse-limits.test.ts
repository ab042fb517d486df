import { describe, expect, it } from 'vitest';
import { MAX_EVENT_CHARS, OVERSIZED_EVENT, SseSplitter } from './sse.ts';

describe('SseSplitter limits', () => {
  it('ends an event that grows past the cap with a non-JSON marker instead of buffering it forever', () => {
    const splitter = new SseSplitter();
    const block = Buffer.from('x'.repeat(1 << 20));
    const out: string[] = splitter.push(Buffer.from('data: {"a":1}\n\ndata: '));
    for (let sent = 0; sent <= MAX_EVENT_CHARS; sent += block.length) out.push(...splitter.push(block));
    expect(out).toEqual(['{"a":1}', OVERSIZED_EVENT]);
    expect(OVERSIZED_EVENT.startsWith('{')).toBe(false);
    // the splitter keeps working on what follows
    expect(splitter.push(Buffer.from('\n\ndata: {"b":2}\n\n'))).toEqual(['{"b":2}']);
  });

  it('counts many data lines of one event against the cap too', () => {
    const splitter = new SseSplitter();
    const line = Buffer.from(`data: ${'y'.repeat(1 << 16)}\n`);
    const out: string[] = [];
    for (let sent = 0; sent <= MAX_EVENT_CHARS; sent += line.length) out.push(...splitter.push(line));
    expect(out).toContain(OVERSIZED_EVENT);
  });
});
