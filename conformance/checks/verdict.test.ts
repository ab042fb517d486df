import { describe, expect, it } from 'vitest';
import { fail, show } from './verdict.ts';

describe('verdict helpers', () => {
  it('fail carries expected/received/pointer', () => {
    expect(fail('bad', { expected: 'a', received: 'b', pointer: '/x' })).toEqual({
      status: 'fail', message: 'bad', expected: 'a', received: 'b', pointer: '/x',
    });
  });
  it('show truncates long values and renders undefined', () => {
    expect(show('x'.repeat(500), 10)).toBe('"xxxxxxxxx…');
    expect(show(undefined)).toBe('undefined');
  });
});
