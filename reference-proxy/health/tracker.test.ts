import { describe, expect, it } from 'vitest';
import { HealthTracker } from './tracker.ts';

function setup(policy = { failureThreshold: 3, cooldownMs: 30_000, probeIntervalMs: 0 }) {
  const clock = { t: 1_000_000 };
  const tracker = new HealthTracker(policy, () => clock.t);
  return { clock, tracker };
}
const fail = (t: HealthTracker, n: number) => {
  for (let i = 0; i < n; i++) t.recordFailure('a');
};

describe('HealthTracker circuit breaker', () => {
  it('starts closed and available for any backend', () => {
    const { tracker } = setup();
    expect(tracker.isAvailable('never-seen')).toBe(true);
    expect(tracker.state('never-seen')).toBe('closed');
  });

  it('opens after the threshold of consecutive failures, not before', () => {
    const { tracker } = setup();
    fail(tracker, 2);
    expect(tracker.state('a')).toBe('closed');
    expect(tracker.isAvailable('a')).toBe(true);
    fail(tracker, 1);
    expect(tracker.state('a')).toBe('open');
    expect(tracker.isAvailable('a')).toBe(false);
    expect(tracker.isAvailable('b')).toBe(true);
  });

  it('resets the count on a success', () => {
    const { tracker } = setup();
    fail(tracker, 2);
    tracker.recordSuccess('a');
    fail(tracker, 2);
    expect(tracker.state('a')).toBe('closed');
  });

  it('turns half-open after the cooldown and lets exactly one trial through', () => {
    const { clock, tracker } = setup();
    fail(tracker, 3);
    clock.t += 29_999;
    expect(tracker.state('a')).toBe('open');
    clock.t += 1;
    expect(tracker.state('a')).toBe('half-open');
    expect(tracker.isAvailable('a')).toBe(true);
    tracker.begin('a');
    expect(tracker.isAvailable('a')).toBe(false);
  });

  it('closes when the trial succeeds', () => {
    const { clock, tracker } = setup();
    fail(tracker, 3);
    clock.t += 30_000;
    tracker.begin('a');
    tracker.recordSuccess('a');
    tracker.end('a');
    expect(tracker.state('a')).toBe('closed');
    expect(tracker.isAvailable('a')).toBe(true);
    expect(tracker.snapshot()).toEqual([{ backend: 'a', state: 'closed', consecutiveFailures: 0, outstanding: 0 }]);
  });

  it('reopens for a full cooldown when the trial fails', () => {
    const { clock, tracker } = setup();
    fail(tracker, 3);
    clock.t += 30_000;
    tracker.begin('a');
    tracker.recordFailure('a');
    tracker.end('a');
    expect(tracker.state('a')).toBe('open');
    clock.t += 29_999;
    expect(tracker.isAvailable('a')).toBe(false);
    clock.t += 1;
    expect(tracker.isAvailable('a')).toBe(true);
  });

  it('frees the trial slot when the trial ends without a verdict', () => {
    const { clock, tracker } = setup();
    fail(tracker, 3);
    clock.t += 30_000;
    tracker.begin('a');
    tracker.end('a');
    expect(tracker.state('a')).toBe('half-open');
    expect(tracker.isAvailable('a')).toBe(true);
  });

  it('does not extend an open circuit with failures of requests already in flight', () => {
    const { clock, tracker } = setup();
    fail(tracker, 3);
    clock.t += 20_000;
    fail(tracker, 2);
    clock.t += 10_000;
    expect(tracker.state('a')).toBe('half-open');
  });
});

describe('HealthTracker outstanding requests', () => {
  it('counts begin and end per backend and never goes negative', () => {
    const { tracker } = setup();
    tracker.begin('a');
    tracker.begin('a');
    tracker.begin('b');
    tracker.end('a');
    expect(tracker.outstanding('a')).toBe(1);
    expect(tracker.outstanding('b')).toBe(1);
    tracker.end('b');
    tracker.end('b');
    expect(tracker.outstanding('b')).toBe(0);
    expect(tracker.outstanding('c')).toBe(0);
  });
});

describe('HealthTracker probes', () => {
  it('opens the circuit at once when a probe fails', () => {
    const { tracker } = setup();
    tracker.recordProbe('a', false);
    expect(tracker.state('a')).toBe('open');
  });

  it('shortens an open circuit to half-open when a probe passes, without closing it', () => {
    const { tracker } = setup();
    fail(tracker, 3);
    tracker.recordProbe('a', true);
    expect(tracker.state('a')).toBe('half-open');
    tracker.begin('a');
    tracker.recordFailure('a');
    expect(tracker.state('a')).toBe('open');
  });

  it('leaves a closed circuit and its failure count alone when a probe passes', () => {
    const { tracker } = setup();
    fail(tracker, 2);
    tracker.recordProbe('a', true);
    fail(tracker, 1);
    expect(tracker.state('a')).toBe('open');
  });

  it('does not restart the cooldown when repeated probes fail', () => {
    const { clock, tracker } = setup();
    tracker.recordProbe('a', false);
    clock.t += 20_000;
    tracker.recordProbe('a', false);
    clock.t += 10_000;
    expect(tracker.state('a')).toBe('half-open');
  });
});

describe('HealthTracker shared between replicas', () => {
  function shared() {
    const clock = { t: 1_000_000 };
    const changes: Array<[string, unknown]> = [];
    const tracker = new HealthTracker({ failureThreshold: 2, cooldownMs: 30_000, probeIntervalMs: 0 }, () => clock.t, (b, c) => changes.push([b, c]));
    return { clock, tracker, changes };
  }

  it('reports each transition it makes, once', () => {
    const { clock, tracker, changes } = shared();
    tracker.recordSuccess('a');
    tracker.recordFailure('a');
    expect(changes).toEqual([]);
    tracker.recordFailure('a');
    expect(changes).toEqual([['a', { state: 'open', openedAt: 1_000_000 }]]);
    tracker.recordProbe('a', true);
    tracker.recordProbe('a', true);
    expect(changes.slice(1)).toEqual([['a', { state: 'probe-cleared' }]]);
    tracker.recordSuccess('a');
    tracker.recordSuccess('a');
    expect(changes.slice(2)).toEqual([['a', { state: 'closed' }]]);
    clock.t += 5;
    tracker.recordProbe('b', false);
    expect(changes.slice(3)).toEqual([['b', { state: 'open', openedAt: 1_000_005 }]]);
  });

  it('applies another replica’s transitions without reporting them back', () => {
    const { clock, tracker, changes } = shared();
    tracker.applyShared('a', { state: 'open', openedAt: 990_000 });
    expect(tracker.state('a')).toBe('open');
    clock.t += 20_000;
    expect(tracker.state('a')).toBe('half-open');
    tracker.applyShared('a', { state: 'closed' });
    expect(tracker.state('a')).toBe('closed');
    tracker.applyShared('a', { state: 'open', openedAt: clock.t });
    tracker.applyShared('a', { state: 'probe-cleared' });
    expect(tracker.state('a')).toBe('half-open');
    expect(changes).toEqual([]);
  });

  it('counts an opening time in its future from now', () => {
    const { clock, tracker } = shared();
    tracker.applyShared('a', { state: 'open', openedAt: clock.t + 60_000 });
    clock.t += 30_000;
    expect(tracker.state('a')).toBe('half-open');
  });

  it('keeps its own open circuit, and a running trial, when told the same or an earlier news', () => {
    const { clock, tracker } = shared();
    tracker.recordFailure('a');
    tracker.recordFailure('a');
    clock.t += 10_000;
    tracker.applyShared('a', { state: 'open', openedAt: clock.t });
    clock.t += 20_000;
    expect(tracker.state('a')).toBe('half-open');
    tracker.begin('a');
    expect(tracker.isAvailable('a')).toBe(false);
    tracker.applyShared('a', { state: 'open', openedAt: 1_000_000 });
    expect(tracker.isAvailable('a')).toBe(false);
    // a trial that failed elsewhere restarts the cooldown here too
    tracker.applyShared('a', { state: 'open', openedAt: clock.t });
    expect(tracker.state('a')).toBe('open');
  });
});
