import { describe, expect, it } from 'vitest';
import { abortBurst, unsettled } from './abort-burst.ts';

describe('abortBurst', () => {
  const ids = ['a', 'b', 'c', 'd', 'e'];
  const closedEarly = new Map([
    ['a', 10_050],
    ['b', 10_400],
    ['c', 11_600],
  ]);
  const finished = new Set(['e']);
  const burst = abortBurst(ids, 10_000, { closedEarly, finished }, 3_000);

  it('counts the closes the upstream saw within 1 s of the abort, and the ones it never saw', () => {
    expect(burst).toMatchObject({ aborted: 4, seen: 3, withinLimit: 2, finishedFirst: 1, waitedMs: 3_000 });
  });
  it('gives the p50 and the largest delay of the closes seen', () => {
    expect(burst.delayP50Ms).toBe(400);
    expect(burst.delayMaxMs).toBe(1_600);
  });
  it('counts a close stamped a hair before the abort (clock precision) as immediate', () => {
    expect(abortBurst(['a'], 10_051, { closedEarly, finished }, 100).delayMaxMs).toBe(0);
  });
  it('has no delays when nothing was seen', () => {
    expect(abortBurst(['x'], 0, { closedEarly, finished }, 100)).toMatchObject({ aborted: 1, seen: 0, delayP50Ms: null, delayMaxMs: null });
  });
});

describe('unsettled', () => {
  it('counts the streams neither closed early nor finished', () => {
    expect(unsettled(['a', 'e', 'x', 'y'], { closedEarly: new Map([['a', 1]]), finished: new Set(['e']) })).toBe(2);
  });
});
