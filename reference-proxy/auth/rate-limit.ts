// Per-key rate limits as token buckets: one for requests, one for tokens, each refilling its
// per-minute allowance continuously (so a key that paused may burst up to one minute's worth).
// A request passes only if both buckets can pay; then both pay. Counters live in this process:
// with N replicas each enforces its own share; move the buckets to Redis to share them.
import { ProxyError } from '../errors.ts';
import type { ApiKeyConfig } from '../types.ts';

const MINUTE_MS = 60_000;

type Limit = 'requests' | 'tokens';
export type TakeResult = { ok: true } | { ok: false; retryAfterSeconds: number; limit: Limit };

interface Bucket {
  level: number;
  updatedAt: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  private readonly now: () => number;

  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  take(key: ApiKeyConfig, estimatedTokens: number): TakeResult {
    const { requestsPerMinute, tokensPerMinute } = key.rateLimit ?? {};
    // A request larger than a whole minute's token allowance could never pass; it pays a full bucket instead.
    const costs: Array<[Limit, number | undefined, number]> = [
      ['requests', requestsPerMinute, 1],
      ['tokens', tokensPerMinute, Math.min(Math.max(0, estimatedTokens), tokensPerMinute ?? 0)],
    ];
    let worst: { waitMs: number; limit: Limit } | undefined;
    for (const [limit, perMinute, cost] of costs) {
      if (perMinute === undefined) continue;
      const level = this.bucket(key.name, limit, perMinute).level;
      if (level >= cost) continue;
      const waitMs = ((cost - level) * MINUTE_MS) / perMinute;
      if (!worst || waitMs > worst.waitMs) worst = { waitMs, limit };
    }
    if (worst) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(worst.waitMs / 1000)), limit: worst.limit };
    for (const [limit, perMinute, cost] of costs) if (perMinute !== undefined) this.bucket(key.name, limit, perMinute).level -= cost;
    return { ok: true };
  }

  /**
   * Charge tokens learnt after the response (completion tokens, or the real prompt count beyond
   * the estimate). The bucket may go below zero: the debt delays the key's next requests.
   */
  charge(key: ApiKeyConfig, tokens: number): void {
    const perMinute = key.rateLimit?.tokensPerMinute;
    if (perMinute === undefined || tokens <= 0) return;
    this.bucket(key.name, 'tokens', perMinute).level -= tokens;
  }

  /** The key's bucket for one limit, refilled up to now. */
  private bucket(name: string, limit: Limit, perMinute: number): Bucket {
    const id = `${name}\u0000${limit}`;
    const t = this.now();
    let b = this.buckets.get(id);
    if (!b) {
      b = { level: perMinute, updatedAt: t };
      this.buckets.set(id, b);
    }
    b.level = Math.min(perMinute, b.level + ((t - b.updatedAt) * perMinute) / MINUTE_MS);
    b.updatedAt = t;
    return b;
  }
}

/** The 429 a client sees, shaped like OpenAI's, with Retry-After so SDKs wait the right time. */
export function rateLimitError(key: ApiKeyConfig, result: { retryAfterSeconds: number; limit: Limit }): ProxyError {
  const per = result.limit === 'requests' ? `requests per minute (limit ${key.rateLimit?.requestsPerMinute})` : `tokens per minute (limit ${key.rateLimit?.tokensPerMinute})`;
  return new ProxyError(429, `Rate limit reached for key "${key.name}" on ${per}. Please try again in ${result.retryAfterSeconds}s.`, {
    code: 'rate_limit_exceeded',
    headers: { 'retry-after': String(result.retryAfterSeconds) },
  });
}
