import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SseCapture } from '../types.ts';
import { INVALID_UTF8, SseReader, UNTERMINATED_EVENT } from './sse-reader.ts';

const enc = new TextEncoder();

/** Reads `pieces` (strings are UTF-8 encoded) with a clock that ticks once per call. */
function read(pieces: Array<string | Uint8Array>): SseCapture {
  let t = 0;
  const reader = new SseReader(() => ++t);
  for (const p of pieces) reader.push(typeof p === 'string' ? enc.encode(p) : p);
  return reader.end();
}

const datas = (c: SseCapture) => c.events.map((e) => e.data);

describe('SseReader framing', () => {
  it.each([
    ['LF', 'data: a\n\ndata: b\n\n'],
    ['CRLF', 'data: a\r\n\r\ndata: b\r\n\r\n'],
    ['CR', 'data: a\r\rdata: b\r\r'],
  ])('dispatches events separated by %s line ends', (ending, text) => {
    const c = read([text]);
    expect(datas(c)).toEqual(['a', 'b']);
    expect(c.lineEndings).toEqual([ending]);
    expect(c.problems).toEqual([]);
  });

  it('reads a CR at the end of one push and an LF at the start of the next as one line end', () => {
    const c = read(['data: a\r', '\n\r', '\ndata: b\r\n\r\n']);
    expect(datas(c)).toEqual(['a', 'b']);
    expect(c.lineEndings).toEqual(['CRLF']);
  });

  it('strips exactly one space after the colon', () => {
    expect(datas(read(['data:x\n\ndata: x\n\ndata:  x\n\n']))).toEqual(['x', 'x', ' x']);
  });

  it('joins several data lines with a newline', () => {
    expect(datas(read(['data: {"a":\ndata: 1}\n\n']))).toEqual(['{"a":\n1}']);
  });

  it('dispatches an empty data line as an empty string but never an event without data', () => {
    const c = read(['data:\n\nevent: ping\nid: 7\n\n']);
    expect(c.events).toEqual([{ data: '', at: 1 }]);
  });

  it('records event and id fields on the event they belong to', () => {
    const c = read(['event: delta\nid: 1\ndata: a\n\ndata: b\n\n']);
    expect(c.events).toEqual([
      { data: 'a', event: 'delta', id: '1', at: 1 },
      { data: 'b', at: 2 },
    ]);
  });

  it('ignores an id containing NUL and a retry that is not all digits, and says so', () => {
    const c = read(['id: a\0b\nretry: 10s\nretry: 3000\ndata: x\n\n']);
    expect(c.events).toEqual([{ data: 'x', at: 1 }]);
    expect(c.retries).toEqual([3000]);
    expect(c.unknownFields).toEqual([
      'id containing NUL (ignored)',
      'retry with a value that is not all digits (ignored)',
    ]);
  });

  it('records comments with their text and time, and unknown fields by name', () => {
    const c = read([': OPENROUTER PROCESSING\n\n', 'foo: bar\nbaz\ndata: x\n\n']);
    expect(c.comments).toEqual([{ text: ' OPENROUTER PROCESSING', at: 1 }]);
    expect(c.unknownFields).toEqual(['foo', 'baz']);
    expect(c.events).toEqual([{ data: 'x', at: 2 }]);
  });

  it('strips one leading BOM, even when its bytes are split, but not a second one', () => {
    const bytes = enc.encode('\uFEFF\uFEFFdata: x\n\n');
    const c = read([bytes.subarray(0, 1), bytes.subarray(1, 4), bytes.subarray(4)]);
    // The second BOM is part of the first line's field name, so that line is an unknown field.
    expect(c.events).toEqual([]);
    expect(c.unknownFields).toEqual(['\uFEFFdata']);
  });

  it('does not dispatch an unterminated final event and reports it', () => {
    const c = read(['data: a\n\ndata: b\n']);
    expect(datas(c)).toEqual(['a']);
    expect(c.problems).toEqual([UNTERMINATED_EVENT]);
  });

  it('reports a stream that ends in the middle of a line', () => {
    expect(read(['data: a\n\ndata: [DO']).problems).toEqual([UNTERMINATED_EVENT]);
  });

  it('does not report a stream whose last line is a terminated comment', () => {
    expect(read(['data: a\n\n: bye\n']).problems).toEqual([]);
  });

  it('reports invalid UTF-8 and decodes it as U+FFFD', () => {
    const c = read([new Uint8Array([0x64, 0x61, 0x74, 0x61, 0x3a, 0xff, 0x0a, 0x0a])]);
    expect(datas(c)).toEqual(['\uFFFD']);
    expect(c.problems).toEqual([INVALID_UTF8]);
  });

  it('reports a multi-byte character cut off by the end of the stream as invalid UTF-8', () => {
    const c = read(['data: a\n\n', new Uint8Array([0xe2, 0x82])]);
    expect(c.problems).toEqual([UNTERMINATED_EVENT, INVALID_UTF8]);
  });

  it('counts dispatched events while the stream arrives', () => {
    const reader = new SseReader(() => 0);
    reader.push(enc.encode('data: a\n\ndata: b\n\ndata: c'));
    expect(reader.eventCount).toBe(2);
  });
});

describe('SseReader and byte boundaries', () => {
  // 2-byte é, 3-byte €, 4-byte 😀, in data, a comment, an event name and across CRLF/CR ends.
  const stream =
    '\uFEFF: caf\u00e9\r\nevent: \u20ac\r\ndata: {"t":"\u00e9\u20ac\uD83D\uDE00"}\r\n\r\n' +
    'data: \uD83D\uDE00\rdata: x\u20ac\r\rdata: [DONE]\n\n';
  const bytes = enc.encode(stream);
  const whole = read([bytes]);
  const withoutTimes = (c: SseCapture) => ({
    ...c,
    events: c.events.map(({ at: _at, ...e }) => e),
    comments: c.comments.map((m) => m.text),
  });

  it('reads the reference stream as intended', () => {
    expect(whole.events.map(({ at: _at, ...e }) => e)).toEqual([
      { data: '{"t":"\u00e9\u20ac\uD83D\uDE00"}', event: '\u20ac' },
      { data: '\uD83D\uDE00\nx\u20ac' },
      { data: '[DONE]' },
    ]);
    expect(whole.comments.map((c) => c.text)).toEqual([' caf\u00e9']);
    expect(whole.problems).toEqual([]);
  });

  it('gives identical results when the bytes are split at every single offset', () => {
    for (let i = 0; i <= bytes.length; i++) {
      const c = read([bytes.subarray(0, i), bytes.subarray(i)]);
      expect(withoutTimes(c), `split at byte ${i}`).toEqual(withoutTimes(whole));
    }
  });

  it('gives identical results for any partition of the bytes into pushes', () => {
    const cuts = fc.uniqueArray(fc.integer({ min: 0, max: bytes.length }), { maxLength: 12 });
    fc.assert(
      fc.property(cuts, (points) => {
        const sorted = [0, ...points.sort((a, b) => a - b), bytes.length];
        const pieces = sorted.slice(1).map((end, k) => bytes.subarray(sorted[k], end));
        expect(withoutTimes(read(pieces))).toEqual(withoutTimes(whole));
      }),
    );
  });
});

describe('SseReader cut short by the caller', () => {
  it('reports neither the half event nor the half character at the cut', () => {
    const reader = new SseReader(() => 0);
    reader.push(new TextEncoder().encode('data: a\n\ndata: b\u20ac').subarray(0, -1));
    const c = reader.end(true);
    expect(c.events.map((e) => e.data)).toEqual(['a']);
    expect(c.problems).toEqual([]);
  });

  it('still reports invalid UTF-8 met before the cut', () => {
    const reader = new SseReader(() => 0);
    reader.push(new Uint8Array([0xff, 0x0a]));
    expect(reader.end(true).problems).toEqual([INVALID_UTF8]);
  });
});
