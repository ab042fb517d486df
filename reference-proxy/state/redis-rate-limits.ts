// Rate limits every replica enforces together: the token buckets of auth/rate-limit.ts, kept in
// Redis and updated by one Lua script call per request (state/token-buckets.lua), atomically.
// When Redis cannot answer (down, stalled past timeoutMs, or its script cache was flushed),
// that request is decided by this replica's local buckets instead: no request waits on Redis
// twice, none fails because of it.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { TakeResult } from '../auth/rate-limit.ts';
import type { ApiKeyConfig } from '../types.ts';
import type { RedisLink } from './redis-link.ts';
import type { RateLimits } from './shared-state.ts';

const SCRIPT = readFileSync(new URL('./token-buckets.lua', import.meta.url), 'utf8');
const SHA = createHash('sha1').update(SCRIPT).digest('hex');
const OK: TakeResult = { ok: true };
const LIMITS = ['requests', 'tokens'] as const;

export interface RedisRateLimitsOptions {
  link: RedisLink;
  keyPrefix: string;
  /** decides while Redis cannot */
  local: RateLimits;
  /** counts each decision taken locally because Redis could not answer */
  onFallback: (operation: 'rate_limit' | 'charge') => void;
  /** tests only: the clock the script uses instead of Redis's own */
  now?: () => number;
}

export class RedisRateLimits implements RateLimits {
  /** the script is known to be cached on the current connection's Redis */
  private loaded = false;

  private readonly opts: RedisRateLimitsOptions;

  constructor(opts: RedisRateLimitsOptions) {
    this.opts = opts;
    // a Redis that restarted has lost its script cache
    opts.link.onReady(() => (this.loaded = false));
  }

  async take(key: ApiKeyConfig, estimatedTokens: number): Promise<TakeResult> {
    const { requestsPerMinute = 0, tokensPerMinute = 0 } = key.rateLimit ?? {};
    if (requestsPerMinute === 0 && tokensPerMinute === 0) return OK;
    if (!this.opts.link.usable) return this.fallback('rate_limit').take(key, estimatedTokens);
    let reply: number[];
    try {
      reply = (await this.run('take', key, requestsPerMinute, tokensPerMinute, estimatedTokens)) as number[];
    } catch (error) {
      this.failed(error);
      return this.fallback('rate_limit').take(key, estimatedTokens);
    }
    this.opts.link.succeeded();
    if (reply[0] === 1) return OK;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(reply[1] / 1000)), limit: LIMITS[reply[2] - 1] };
  }

  charge(key: ApiKeyConfig, tokens: number): void {
    const tokensPerMinute = key.rateLimit?.tokensPerMinute;
    if (tokensPerMinute === undefined || tokens <= 0) return;
    if (!this.opts.link.usable) return this.fallback('charge').charge(key, tokens);
    this.run('charge', key, 0, tokensPerMinute, tokens).then(
      () => this.opts.link.succeeded(),
      (error) => {
        this.failed(error);
        this.fallback('charge').charge(key, tokens);
      },
    );
  }

  private run(op: 'take' | 'charge', key: ApiKeyConfig, rpm: number, tpm: number, tokens: number): Promise<unknown> {
    // the hash tag keeps a key's two buckets in one Redis Cluster slot, as a script needs
    const base = `${this.opts.keyPrefix}:ratelimit:{${key.name}}`;
    const options = {
      keys: [`${base}:requests`, `${base}:tokens`],
      arguments: [op, String(rpm), String(tpm), String(Math.max(0, Math.round(tokens))), this.opts.now ? String(this.opts.now()) : ''],
    };
    // EVAL (which also caches the script in Redis) until it has worked once on this connection
    if (this.loaded) return this.opts.link.run((client) => client.evalSha(SHA, options));
    return this.opts.link.run((client) => client.eval(SCRIPT, options)).then((reply) => {
      this.loaded = true;
      return reply;
    });
  }

  private fallback(operation: 'rate_limit' | 'charge'): RateLimits {
    this.opts.onFallback(operation);
    return this.opts.local;
  }

  private failed(error: unknown): void {
    // the script cache was flushed (SCRIPT FLUSH): decide this one locally, EVAL the next
    if (error instanceof Error && error.message.startsWith('NOSCRIPT')) this.loaded = false;
    else this.opts.link.failed(error);
  }
}
