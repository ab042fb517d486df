import { describe, expect, it } from 'vitest';
import { Drain, SHUTDOWN } from './drain.ts';

describe('Drain', () => {
  it('returns as soon as the last request in flight is done, aborting nothing', async () => {
    const drain = new Drain();
    const a = new AbortController();
    const done = drain.track(a);
    const running = drain.run(60_000);
    expect(drain.draining).toBe(true);
    setTimeout(done, 10);
    await running;
    expect(a.signal.aborted).toBe(false);
    expect(drain.size).toBe(0);
  });

  it('aborts what is still running at the deadline with SHUTDOWN, then waits for it to end', async () => {
    const drain = new Drain();
    const finished = new AbortController();
    const stuck = new AbortController();
    drain.track(finished)();
    const done = drain.track(stuck);
    stuck.signal.addEventListener('abort', () => setTimeout(done, 5));
    await drain.run(20);
    expect(finished.signal.aborted).toBe(false);
    expect(stuck.signal.reason).toBe(SHUTDOWN);
    expect(drain.size).toBe(0);
  });

  it('returns at once when nothing is in flight', async () => {
    const drain = new Drain();
    await drain.run(60_000);
    expect(drain.draining).toBe(true);
  });
});
