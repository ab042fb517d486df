import { describe, expect, it } from 'vitest';
import { Deadline } from './deadline.ts';

describe('Deadline', () => {
  it('aborts its signal and reports expiry when the time is up', async () => {
    const d = new Deadline(1);
    await new Promise((resolve) => d.signal.addEventListener('abort', resolve));
    expect(d.expired).toBe(true);
    d.clear();
  });

  it('aborts on request without counting as expired', () => {
    const d = new Deadline(60_000);
    d.abort();
    expect(d.signal.aborted).toBe(true);
    expect(d.expired).toBe(false);
    d.clear();
  });

  it('measures time from its start', () => {
    const d = new Deadline(60_000);
    expect(d.since()).toBeGreaterThanOrEqual(0);
    expect(d.startedAt).toBeLessThanOrEqual(Date.now());
    d.clear();
  });
});
