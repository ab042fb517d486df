import { describe, expect, it } from 'vitest';
import { childPids, cpuTicks, rssBytes } from './proc-stat.ts';

describe('cpuTicks', () => {
  it('adds utime and stime, counting fields after the last parenthesis of the name', () => {
    const stat = '4242 (node (a) b) S 1 4242 4242 0 -1 4194560 9000 0 12 0 731 269 0 0 20 0 11 0 5537 1229000896 23000 18446744073709551615';
    expect(cpuTicks(stat)).toBe(1000);
  });
});

describe('rssBytes', () => {
  it('reads VmRSS in bytes', () => expect(rssBytes('Name:\tnode\nVmHWM:\t  9000 kB\nVmRSS:\t  2048 kB\nRssAnon:\t 1000 kB\n')).toBe(2048 * 1024));
  it('is 0 when there is no VmRSS line', () => expect(rssBytes('Name:\tzombie\nState:\tZ (zombie)\n')).toBe(0));
});

describe('childPids', () => {
  it('splits the children file', () => {
    expect(childPids('101 102 \n')).toEqual([101, 102]);
    expect(childPids('')).toEqual([]);
  });
});
