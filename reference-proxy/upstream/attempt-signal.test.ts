import { describe, expect, it } from 'vitest';
import { createAttemptSignal } from './attempt-signal.ts';

describe('createAttemptSignal', () => {
  it('aborts with reason "client" when the client goes away', () => {
    const client = new AbortController();
    const attempt = createAttemptSignal(client.signal, 60_000);
    expect(attempt.signal.aborted).toBe(false);
    client.abort();
    expect(attempt.signal.aborted).toBe(true);
    expect(attempt.reason()).toBe('client');
    attempt.dispose();
  });

  it('aborts with reason "timeout" after totalMs', async () => {
    const attempt = createAttemptSignal(new AbortController().signal, 5);
    await new Promise((resolve) => attempt.signal.addEventListener('abort', resolve));
    expect(attempt.reason()).toBe('timeout');
    attempt.dispose();
  });

  it('is already aborted for a client that already left, and forgets the client once disposed', () => {
    const gone = new AbortController();
    gone.abort();
    const late = createAttemptSignal(gone.signal, 60_000);
    expect(late.reason()).toBe('client');
    late.dispose();
    const client = new AbortController();
    const attempt = createAttemptSignal(client.signal, 60_000);
    attempt.dispose();
    client.abort();
    expect(attempt.signal.aborted).toBe(false);
  });
});
