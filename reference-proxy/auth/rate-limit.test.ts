import { describe, expect, it } from 'vitest';
import type { ApiKeyConfig } from '../types.ts';
import { RateLimiter, rateLimitError } from './rate-limit.ts';

function setup() {
  const clock = { t: 5_000_000 };
  return { clock, limiter: new RateLimiter(() => clock.t) };
}
const rpm = (n: number): ApiKeyConfig => ({ name: 'rpm', key: 'k1', rateLimit: { requestsPerMinute: n } });
const tpm = (n: number): ApiKeyConfig => ({ name: 'tpm', key: 'k2', rateLimit: { tokensPerMinute: n } });

describe('RateLimiter', () => {
  it('never limits a key without limits', () => {
    const { limiter } = setup();
    const free: ApiKeyConfig = { name: 'free', key: 'k' };
    for (let i = 0; i < 1000; i++) expect(limiter.take(free, 1_000_000).ok).toBe(true);
  });

  it('allows a minute of requests as a burst, then asks to wait for the next one', () => {
    const { limiter } = setup();
    const key = rpm(3);
    for (let i = 0; i < 3; i++) expect(limiter.take(key, 0)).toEqual({ ok: true });
    expect(limiter.take(key, 0)).toEqual({ ok: false, retryAfterSeconds: 20, limit: 'requests' });
  });

  it('refills continuously', () => {
    const { clock, limiter } = setup();
    const key = rpm(60);
    for (let i = 0; i < 60; i++) limiter.take(key, 0);
    expect(limiter.take(key, 0)).toMatchObject({ ok: false, retryAfterSeconds: 1 });
    clock.t += 999;
    expect(limiter.take(key, 0).ok).toBe(false);
    clock.t += 1;
    expect(limiter.take(key, 0).ok).toBe(true);
    expect(limiter.take(key, 0).ok).toBe(false);
    clock.t += 3_600_000;
    for (let i = 0; i < 60; i++) expect(limiter.take(key, 0).ok).toBe(true);
    expect(limiter.take(key, 0).ok).toBe(false);
  });

  it('limits estimated tokens per minute and tells how long until they fit', () => {
    const { limiter } = setup();
    const key = tpm(6000);
    expect(limiter.take(key, 5000).ok).toBe(true);
    expect(limiter.take(key, 3000)).toEqual({ ok: false, retryAfterSeconds: 20, limit: 'tokens' });
    expect(limiter.take(key, 1000).ok).toBe(true);
  });

  it('lets a request bigger than the whole allowance through on a full bucket', () => {
    const { clock, limiter } = setup();
    const key = tpm(1000);
    expect(limiter.take(key, 50_000).ok).toBe(true);
    expect(limiter.take(key, 1).ok).toBe(false);
    clock.t += 60_000;
    expect(limiter.take(key, 50_000).ok).toBe(true);
  });

  it('charges neither bucket when one refuses', () => {
    const { limiter } = setup();
    const key: ApiKeyConfig = { name: 'both', key: 'k', rateLimit: { requestsPerMinute: 2, tokensPerMinute: 100 } };
    expect(limiter.take(key, 100).ok).toBe(true);
    expect(limiter.take(key, 60)).toEqual({ ok: false, retryAfterSeconds: 36, limit: 'tokens' });
    expect(limiter.take(key, 0).ok).toBe(true);
    expect(limiter.take(key, 0)).toEqual({ ok: false, retryAfterSeconds: 30, limit: 'requests' });
  });

  it('reports the longer wait when both limits refuse', () => {
    const { limiter } = setup();
    const key: ApiKeyConfig = { name: 'both', key: 'k', rateLimit: { requestsPerMinute: 1, tokensPerMinute: 100 } };
    expect(limiter.take(key, 100).ok).toBe(true);
    expect(limiter.take(key, 50)).toEqual({ ok: false, retryAfterSeconds: 60, limit: 'requests' });
  });

  it('keeps separate buckets per key', () => {
    const { limiter } = setup();
    const a = { ...rpm(1), name: 'a' };
    const b = { ...rpm(1), name: 'b' };
    expect(limiter.take(a, 0).ok).toBe(true);
    expect(limiter.take(b, 0).ok).toBe(true);
    expect(limiter.take(a, 0).ok).toBe(false);
  });

  it('charges tokens learnt after the response, which can delay the next request', () => {
    const { limiter } = setup();
    const key = tpm(600);
    expect(limiter.take(key, 100).ok).toBe(true);
    limiter.charge(key, 1000);
    expect(limiter.take(key, 10)).toEqual({ ok: false, retryAfterSeconds: 51, limit: 'tokens' });
  });
});

describe('rateLimitError', () => {
  it('is a 429 in the OpenAI shape with Retry-After', () => {
    const err = rateLimitError(rpm(3), { retryAfterSeconds: 20, limit: 'requests' });
    expect(err.status).toBe(429);
    expect(err.headers).toEqual({ 'retry-after': '20' });
    expect(err.toBody()).toEqual({
      error: { message: 'Rate limit reached for key "rpm" on requests per minute (limit 3). Please try again in 20s.', type: 'rate_limit_error', param: null, code: 'rate_limit_exceeded' },
    });
    expect(JSON.stringify(err.toBody())).not.toContain('k1');
  });
});
