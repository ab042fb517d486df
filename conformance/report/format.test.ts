import { describe, expect, it } from 'vitest';
import { capText, formatCount, formatDuration, prettyJson } from './format.ts';

describe('format helpers', () => {
  it('formats durations for people', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(12_345)).toBe('12.3 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
  });

  it('groups thousands regardless of locale', () => {
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1_234_567)).toBe('1,234,567');
  });

  it('caps long text with a note saying how much is missing', () => {
    expect(capText('abc', 3)).toEqual({ text: 'abc' });
    expect(capText('abcdef', 2)).toEqual({ text: 'ab', note: '4 more characters not shown; the full text is in results.json' });
  });

  it('pretty-prints JSON and leaves anything else alone', () => {
    expect(prettyJson('{"a":[1]}')).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(prettyJson('{"a":')).toBe('{"a":');
  });
});
