import { describe, expect, it } from 'vitest';
import { formatSummary, LoadTally, percentile } from './load-summary.ts';
import type { StreamTally } from './stream-check.ts';

const lag = { client: { p50: 0, p99: 1, max: 2 } };
const clean: StreamTally = { verified: 5, lost: 0, duplicated: 0, reordered: 0, foreign: 0, done: true, errorEvent: false };

describe('LoadTally', () => {
  it('meets every goal for clean streams and quickly seen aborts', () => {
    const tally = new LoadTally();
    tally.add({ streamId: 'a', tally: clean });
    tally.add({ streamId: 'b', tally: { ...clean, verified: 2, done: false }, abortedAt: 1000 });
    const s = tally.summarize({ clients: 1, seconds: 1, closedEarly: new Map([['b', 1004]]), loopLagMs: lag });
    expect(s).toMatchObject({ streamsCompleted: 1, streamsAborted: 1, chunksVerified: 7, abortsUnseen: 0, abortDelayMs: { p50: 4, count: 1 } });
    expect(s.goalsMissed).toEqual([]);
  });

  it('misses goals for lost chunks, errors, unseen aborts, unexplained closes and slow aborts', () => {
    const tally = new LoadTally();
    tally.add({ streamId: 'a', tally: { ...clean, lost: 1 } });
    tally.add({ streamId: 'b', tally: clean, error: 'no_done' });
    tally.add({ streamId: 'c', tally: clean, abortedAt: 0 });
    tally.add({ streamId: 'd', tally: clean, abortedAt: 0 });
    const s = tally.summarize({ clients: 1, seconds: 1, closedEarly: new Map([['c', 250], ['x', 5]]), loopLagMs: lag });
    expect(s.goalsMissed.join('\n')).toMatch(/lost: 1[\s\S]*abortsUnseen: 1[\s\S]*unexplainedUpstreamCloses: 1[\s\S]*errors: 1[\s\S]*abort propagation p99 250/);
  });

  it('does not count an abort of a stream the upstream had already sent whole as unseen', () => {
    const tally = new LoadTally();
    tally.add({ streamId: 'late', tally: { ...clean, done: false }, abortedAt: 0 });
    tally.add({ streamId: 'lost', tally: { ...clean, done: false }, abortedAt: 0 });
    const s = tally.summarize({ clients: 1, seconds: 1, closedEarly: new Map(), finishedUpstream: new Set(['late', 'other']), loopLagMs: lag });
    expect(s).toMatchObject({ streamsAborted: 2, abortsAfterEnd: 1, abortsUnseen: 1 });
    expect(formatSummary(s)).toContain('aborts seen by the upstream: 0/2 (1 came after the upstream had sent the whole stream)');
  });
});

describe('formatSummary', () => {
  it("shows each process's event-loop lag and the proxy's RSS at start, peak and end", () => {
    const tally = new LoadTally();
    tally.add({ streamId: 'a', tally: clean });
    const mib = 1024 * 1024;
    const s = tally.summarize({ clients: 1, seconds: 1, closedEarly: new Map(), loopLagMs: { ...lag, upstream: { p50: 1, p99: 30, max: 45 } }, proxyRss: { start: 60 * mib, peak: 200 * mib, end: 120 * mib } });
    const text = formatSummary(s);
    expect(text).toContain('event-loop lag: client p50 0.0 ms, p99 1.0 ms, max 2.0 ms; upstream p50 1.0 ms, p99 30.0 ms, max 45.0 ms; proxy n/a');
    expect(text).toContain('proxy RSS: start 60 MiB, peak 200 MiB, end 120 MiB');
  });
});

describe('percentile', () => {
  it('uses the nearest rank', () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 100], 99)).toBe(100);
    expect(percentile([], 99)).toBe(0);
  });
});
