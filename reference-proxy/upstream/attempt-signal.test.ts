import { describe, expect, it } from 'vitest';
import { AttemptSignal } from './attempt-signal.ts';

describe('AttemptSignal', () => {
  it('stops with reason "client" when the client goes away, telling each listener and its AbortSignal', () => {
    const attempt = new AttemptSignal(60_000);
    const heard: string[] = [];
    attempt.onAbort((e) => heard.push(e.message));
    const signal = attempt.signal;
    expect(attempt.aborted).toBe(false);
    attempt.clientGone();
    expect(attempt.reason()).toBe('client');
    expect(heard).toEqual(['the client closed the connection']);
    expect(signal.aborted).toBe(true);
    attempt.clientGone();
    expect(heard).toHaveLength(1);
    attempt.dispose();
  });

  it('stops with reason "timeout" after totalMs', async () => {
    const attempt = new AttemptSignal(5);
    await new Promise<Error>((resolve) => attempt.onAbort(resolve));
    expect(attempt.reason()).toBe('timeout');
    attempt.dispose();
  });

  it('tells a listener that comes late at once, gives a stopped AbortSignal, and forgets its listeners once disposed', () => {
    const late = new AttemptSignal(60_000);
    late.clientGone();
    let told = false;
    late.onAbort(() => (told = true));
    expect(told).toBe(true);
    expect(late.signal.aborted).toBe(true);
    const attempt = new AttemptSignal(60_000);
    let heard = false;
    attempt.onAbort(() => (heard = true));
    attempt.dispose();
    attempt.clientGone();
    expect(heard).toBe(false);
  });
});
