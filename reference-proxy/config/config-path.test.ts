import { describe, expect, it } from 'vitest';
import { formatPath, pointerSegments } from './config-path.ts';

describe('formatPath', () => {
  it('uses dots for identifiers, brackets for indices and odd keys', () => {
    expect(formatPath(['backends', 1, 'timeouts', 'firstByteMs'])).toBe('backends[1].timeouts.firstByteMs');
    expect(formatPath(['aliases', 'gpt-4o', 0, 'backend'])).toBe('aliases["gpt-4o"][0].backend');
    expect(formatPath([])).toBe('(config root)');
  });
});

describe('pointerSegments', () => {
  it('decodes JSON pointer escapes and numeric segments', () => {
    expect(pointerSegments('/aliases/a~1b~0c/0')).toEqual(['aliases', 'a/b~c', 0]);
    expect(pointerSegments('')).toEqual([]);
  });
});
