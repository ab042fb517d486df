import { describe, expect, it } from 'vitest';
import { LoadTally, percentile } from './load-summary.ts';
import type { StreamTally } from './stream-check.ts';

const clean: StreamTally = { verified: 5, lost: 0, duplicated: 0, reordered: 0, foreign: 0, done: true, errorEvent: false };

describe('LoadTally', () => {
  it('meets every goal for clean streams and quickly seen aborts', () => {
    const tally = new LoadTally();
    tally.add({ streamId: 'a', tally: clean });
    tally.add({ streamId: 'b', tally: { ...clean, verified: 2, done: false }, abortedAt: 1000 });
    const s = tally.summarize({ clients: 1, seconds: 1, closedEarly: new Map([['b', 1004]]) });
    expect(s).toMatchObject({ streamsCompleted: 1, streamsAborted: 1, chunksVerified: 7, abortsUnseen: 0, abortDelayMs: { p50: 4, count: 1 } });
    expect(s.goalsMissed).toEqual([]);
  });

  it('misses goals for lost chunks, errors, unseen aborts, unexplained closes and slow aborts', () => {
    const tally = new LoadTally();
    tally.add({ streamId: 'a', tally: { ...clean, lost: 1 } });
    tally.add({ streamId: 'b', tally: clean, error: 'no_done' });
    tally.add({ streamId: 'c', tally: clean, abortedAt: 0 });
    tally.add({ streamId: 'd', tally: clean, abortedAt: 0 });
    const s = tally.summarize({ clients: 1, seconds: 1, closedEarly: new Map([['c', 250], ['x', 5]]) });
    expect(s.goalsMissed.join('\n')).toMatch(/lost: 1[\s\S]*abortsUnseen: 1[\s\S]*unexplainedUpstreamCloses: 1[\s\S]*errors: 1[\s\S]*abort propagation p99 250/);
  });
});

describe('percentile', () => {
  it('uses the nearest rank', () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 100], 99)).toBe(100);
    expect(percentile([], 99)).toBe(0);
  });
});
