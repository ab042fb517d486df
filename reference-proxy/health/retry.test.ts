import { describe, expect, it } from 'vitest';
import type { RetryPolicy } from '../types.ts';
import { backoffMs, isRetryable, parseRetryAfter } from './retry.ts';

const policy: RetryPolicy = { statuses: [429, 500, 502, 503, 504], attempts: 3, backoffMs: { initial: 100, max: 2000 }, honourRetryAfter: true };
const NOW = Date.parse('2025-01-01T00:00:00Z');

describe('isRetryable', () => {
  it('retries connection errors, timeouts and resets', () => {
    for (const error of ['connect', 'timeout', 'reset'] as const) expect(isRetryable({ error }, policy)).toBe(true);
  });

  it('retries exactly the configured statuses', () => {
    for (const status of [429, 500, 502, 503, 504]) expect(isRetryable({ status }, policy), String(status)).toBe(true);
    for (const status of [200, 400, 401, 404, 413, 501]) expect(isRetryable({ status }, policy), String(status)).toBe(false);
    expect(isRetryable({ status: 500 }, { ...policy, statuses: [429] })).toBe(false);
    expect(isRetryable({}, policy)).toBe(false);
  });
});

describe('backoffMs', () => {
  it('grows exponentially up to the cap (upper bound with random → 1)', () => {
    const top = (attempt: number) => backoffMs(attempt, policy, undefined, { random: () => 1 });
    expect([1, 2, 3, 4, 5, 6, 10, 60].map(top)).toEqual([100, 200, 400, 800, 1600, 2000, 2000, 2000]);
  });

  it('uses full jitter: anywhere from 0 to the ceiling', () => {
    expect(backoffMs(3, policy, undefined, { random: () => 0 })).toBe(0);
    expect(backoffMs(3, policy, undefined, { random: () => 0.5 })).toBe(200);
    for (let i = 0; i < 200; i++) {
      const wait = backoffMs(4, policy);
      expect(wait).toBeGreaterThanOrEqual(0);
      expect(wait).toBeLessThanOrEqual(800);
    }
  });

  it('honours Retry-After in seconds or as an HTTP-date, capped at max', () => {
    const at = { random: () => 0, now: () => NOW };
    expect(backoffMs(1, policy, '1', at)).toBe(1000);
    expect(backoffMs(1, policy, '120', at)).toBe(2000);
    expect(backoffMs(1, policy, new Date(NOW + 1500).toUTCString(), at)).toBe(1000);
    expect(backoffMs(1, policy, 'Wed, 01 Jan 2025 00:00:01 GMT', at)).toBe(1000);
    expect(backoffMs(1, policy, 'Tue, 31 Dec 2024 23:00:00 GMT', at)).toBe(0);
  });

  it('falls back to the exponential wait for a missing or malformed Retry-After, or when told to ignore it', () => {
    const at = { random: () => 1, now: () => NOW };
    expect(backoffMs(2, policy, undefined, at)).toBe(200);
    expect(backoffMs(2, policy, 'soon', at)).toBe(200);
    expect(backoffMs(2, policy, '-5', at)).toBe(200);
    expect(backoffMs(2, { ...policy, honourRetryAfter: false }, '1', at)).toBe(200);
  });
});

describe('parseRetryAfter', () => {
  it('parses delta-seconds and HTTP-dates relative to now', () => {
    expect(parseRetryAfter('0', NOW)).toBe(0);
    expect(parseRetryAfter(' 7 ', NOW)).toBe(7000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfter('1.5', NOW)).toBeUndefined();
    expect(parseRetryAfter('', NOW)).toBeUndefined();
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
  });
});
