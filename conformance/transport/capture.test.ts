import { describe, expect, it } from 'vitest';
import { decodeBody, isEventStream, normaliseHeaders, parseJson } from './capture.ts';

describe('normaliseHeaders', () => {
  it('lower-cases names and joins repeated values with ", "', () => {
    expect(
      normaliseHeaders({ 'Content-Type': 'application/json', 'x-a': ['1', '2'], 'X-A': '3', gone: undefined }),
    ).toEqual({ 'content-type': 'application/json', 'x-a': '1, 2, 3' });
  });
});

describe('isEventStream', () => {
  it.each([
    ['text/event-stream', true],
    ['text/event-stream; charset=utf-8', true],
    [' Text/Event-Stream ;charset=UTF-8', true],
    ['application/json', false],
    ['text/plain; x=text/event-stream', false],
    [undefined, false],
  ])('%s -> %s', (type, expected) => {
    expect(isEventStream(type)).toBe(expected);
  });
});

describe('decodeBody', () => {
  const euro = new TextEncoder().encode('a\u20ac');

  it('decodes clean UTF-8', () => {
    expect(decodeBody(euro, false)).toEqual({ text: 'a\u20ac', invalidUtf8: false });
  });

  it('flags invalid bytes and replaces them with U+FFFD', () => {
    expect(decodeBody(new Uint8Array([0x61, 0xc3, 0x28]), false)).toEqual({ text: 'a\uFFFD(', invalidUtf8: true });
  });

  it('flags a character cut off at the end unless the body was cut by the cap', () => {
    const cut = euro.subarray(0, 2);
    expect(decodeBody(cut, false).invalidUtf8).toBe(true);
    expect(decodeBody(cut, true).invalidUtf8).toBe(false);
  });
});

describe('parseJson', () => {
  it('parses JSON or gives the parser message', () => {
    expect(parseJson('{"a":1}')).toEqual({ json: { a: 1 } });
    expect(parseJson('{"a":').jsonError).toMatch(/JSON/);
  });
});
