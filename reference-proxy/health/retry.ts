// The retry policy as pure functions: which failures move on to another attempt, and how long
// to wait first. The server decides where the next attempt goes (usually the next candidate,
// which needs no wait; the wait matters when the same backend is tried again).
import type { RetryPolicy } from '../types.ts';

export interface AttemptOutcome {
  status?: number;
  /** no response: refused or DNS failure, no first byte in time, or the connection dropped before the first byte */
  error?: 'connect' | 'timeout' | 'reset';
}

export function isRetryable(outcome: AttemptOutcome, policy: RetryPolicy): boolean {
  if (outcome.error !== undefined) return true;
  return outcome.status !== undefined && policy.statuses.includes(outcome.status);
}

/**
 * Milliseconds to wait after failed attempt number `attempt` (1 = the first). Exponential with
 * full jitter: uniform in [0, min(max, initial·2^(attempt-1))], which spreads retries from many
 * clients instead of synchronising them. A Retry-After header (seconds or HTTP-date) replaces
 * the computed wait when the policy honours it, still capped at backoffMs.max so one slow
 * upstream cannot hold a request for minutes.
 */
export function backoffMs(
  attempt: number,
  policy: RetryPolicy,
  retryAfterHeader?: string,
  opts: { random?: () => number; now?: () => number } = {},
): number {
  const { initial, max } = policy.backoffMs;
  if (policy.honourRetryAfter) {
    const wait = parseRetryAfter(retryAfterHeader, (opts.now ?? Date.now)());
    if (wait !== undefined) return Math.min(wait, max);
  }
  const ceiling = Math.min(max, initial * 2 ** Math.max(0, attempt - 1));
  return Math.round((opts.random ?? Math.random)() * ceiling);
}

/** Retry-After as milliseconds from `now`: delta-seconds or an HTTP-date; a date in the past means 0. */
export function parseRetryAfter(header: string | undefined, now: number): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  if (Number.isNaN(date) || !/[a-z]/i.test(value)) return undefined;
  return Math.max(0, date - now);
}
