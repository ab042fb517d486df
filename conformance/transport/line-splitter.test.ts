import { describe, expect, it } from 'vitest';
import { LineSplitter } from './line-splitter.ts';

function split(pieces: string[]): { lines: string[]; rest?: string; endings: string[] } {
  const s = new LineSplitter();
  const lines = pieces.flatMap((p) => s.push(p));
  const rest = s.end();
  return { lines, rest, endings: s.lineEndings };
}

describe('LineSplitter', () => {
  it('splits on LF, CRLF and CR and names each kind once', () => {
    expect(split(['a\nb\r\nc\rd\n'])).toEqual({
      lines: ['a', 'b', 'c', 'd'],
      rest: undefined,
      endings: ['LF', 'CRLF', 'CR'],
    });
  });

  it('treats a CR ending one piece and an LF opening the next as one line end', () => {
    expect(split(['a\r', '\nb\r\n'])).toEqual({ lines: ['a', 'b'], rest: undefined, endings: ['CRLF'] });
  });

  it('completes a CR-ended line at once, before the next piece arrives', () => {
    const s = new LineSplitter();
    expect(s.push('a\r')).toEqual(['a']);
    expect(s.push('\n')).toEqual([]);
    expect(s.lineEndings).toEqual(['CRLF']);
  });

  it('counts CR then CR as two line ends, giving an empty line', () => {
    expect(split(['a\r', '\r'])).toEqual({ lines: ['a', ''], rest: undefined, endings: ['CR'] });
  });

  it('keeps a line split across pieces whole and returns an unterminated tail', () => {
    expect(split(['da', 'ta: x\nda', 'ta'])).toEqual({ lines: ['data: x'], rest: 'data', endings: ['LF'] });
  });

  it('ignores empty pieces between a CR and its LF', () => {
    expect(split(['a\r', '', '\n'])).toEqual({ lines: ['a'], rest: undefined, endings: ['CRLF'] });
  });

  it('names a CR that ends the input as CR', () => {
    expect(split(['a\r'])).toEqual({ lines: ['a'], rest: undefined, endings: ['CR'] });
  });
});
