import { describe, expect, it } from 'vitest';
import { frame, SseSplitter } from './sse.ts';

const split = (...parts: (string | Buffer)[]) => {
  const s = new SseSplitter();
  return parts.flatMap((p) => s.push(typeof p === 'string' ? Buffer.from(p) : p));
};

describe('SseSplitter', () => {
  it('splits data events on LF, CRLF and CR line endings', () => {
    expect(split('data: a\n\ndata: b\r\n\r\ndata: c\r\rdata: d\n\n')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('holds an event until its blank line arrives, across chunk boundaries', () => {
    const s = new SseSplitter();
    expect(s.push(Buffer.from('data: {"a"'))).toEqual([]);
    expect(s.push(Buffer.from(':1}\n'))).toEqual([]);
    expect(s.push(Buffer.from('\n'))).toEqual(['{"a":1}']);
  });

  it('treats a CRLF split between two chunks as one line ending', () => {
    expect(split('data: a\r', '\n\r', '\n')).toEqual(['a']);
  });

  it('keeps a multi-byte character split between chunks intact', () => {
    const bytes = Buffer.from('data: héllo\n\n');
    expect(split(bytes.subarray(0, 8), bytes.subarray(8))).toEqual(['héllo']);
  });

  it('drops comments and non-data fields (F29, F30)', () => {
    expect(split(': ping\n\n:\n\nid: 7\nevent: message\nretry: 10\ndata: x\n\n: OPENROUTER PROCESSING\n\n')).toEqual(['x']);
  });

  it('joins multi-line data with LF and strips only one leading space', () => {
    expect(split('data: a\ndata:  b\ndata:c\n\n')).toEqual(['a\n b\nc']);
  });

  it('ignores fields that merely start with "data" and a leading byte-order mark', () => {
    expect(split('\ufeffdatax: no\ndata: yes\n\n')).toEqual(['yes']);
  });

  it('dispatches an empty data field as an empty payload', () => {
    expect(split('data\n\n')).toEqual(['']);
  });
});

describe('frame', () => {
  it('frames one payload as one data line', () => {
    expect(frame('{"a":1}')).toBe('data: {"a":1}\n\n');
  });

  it('frames a payload with newlines as several data lines that de-frame back to it', () => {
    expect(frame('a\nb')).toBe('data: a\ndata: b\n\n');
    expect(split(frame('a\nb'))).toEqual(['a\nb']);
  });
});
