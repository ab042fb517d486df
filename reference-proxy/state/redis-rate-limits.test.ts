// The Redis token buckets against a real redis-server: the same decisions as the in-memory
// limiter step for step, atomic across replicas, and decided locally when Redis is down or stalled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needs } from '../../conformance/test/requirements.ts';
import { RateLimiter } from '../auth/rate-limit.ts';
import { openLink, redisRequirement, startRedis, until, type TestRedis } from '../test/helpers/redis-server.ts';
import type { ApiKeyConfig } from '../types.ts';
import { localLimits } from './local-state.ts';
import type { RedisLink } from './redis-link.ts';
import { RedisRateLimits } from './redis-rate-limits.ts';
import type { RateLimits } from './shared-state.ts';

const hasRedis = needs(redisRequirement());

type Step = ['take', number, object] | ['charge', number] | ['wait', number];
const took = (retryAfterSeconds: number, limit: 'requests' | 'tokens') => ({ ok: false, retryAfterSeconds, limit });
const OK = { ok: true };

/** The scenarios of auth/rate-limit.test.ts as data, so both implementations walk them. */
const SCENARIOS: Array<[string, ApiKeyConfig['rateLimit'], Step[]]> = [
  ['a minute of requests as a burst', { requestsPerMinute: 3 }, [['take', 0, OK], ['take', 0, OK], ['take', 0, OK], ['take', 0, took(20, 'requests')]]],
  ['continuous refill', { requestsPerMinute: 60 }, [
    ...Array.from({ length: 60 }, (): Step => ['take', 0, OK]),
    ['take', 0, took(1, 'requests')], ['wait', 999], ['take', 0, took(1, 'requests')], ['wait', 1], ['take', 0, OK], ['take', 0, took(1, 'requests')],
    ['wait', 3_600_000], ...Array.from({ length: 60 }, (): Step => ['take', 0, OK]), ['take', 0, took(1, 'requests')],
  ]],
  ['estimated tokens per minute', { tokensPerMinute: 6000 }, [['take', 5000, OK], ['take', 3000, took(20, 'tokens')], ['take', 1000, OK]]],
  ['a request over the whole allowance', { tokensPerMinute: 1000 }, [['take', 50_000, OK], ['take', 1, took(1, 'tokens')], ['wait', 60_000], ['take', 50_000, OK]]],
  ['neither bucket pays when one refuses', { requestsPerMinute: 2, tokensPerMinute: 100 }, [['take', 100, OK], ['take', 60, took(36, 'tokens')], ['take', 0, OK], ['take', 0, took(30, 'requests')]]],
  ['the longer wait of two refusals', { requestsPerMinute: 1, tokensPerMinute: 100 }, [['take', 100, OK], ['take', 50, took(60, 'requests')]]],
  ['tokens charged after the answer', { tokensPerMinute: 600 }, [['take', 100, OK], ['charge', 1000], ['take', 10, took(51, 'tokens')]]],
];

let redis: TestRedis;
const links: RedisLink[] = [];
let run = 0;

async function redisLimits(now?: () => number, onFallback: () => void = () => {}, log?: (line: string) => void, timeoutMs?: number): Promise<{ limits: RedisRateLimits; link: RedisLink }> {
  const link = await openLink(redis.url, { keyPrefix: `t${++run}`, log, timeoutMs });
  links.push(link);
  return { limits: new RedisRateLimits({ link, keyPrefix: `t${run}`, local: localLimits(new RateLimiter(now)), onFallback, now }), link };
}

describe.skipIf(!hasRedis)('RedisRateLimits', () => {
  beforeAll(async () => {
    redis = await startRedis({ password: 'redis-pass-0123' });
  });
  afterAll(async () => {
    await Promise.all(links.map((l) => l.close()));
    await redis?.stop();
  });

  for (const [name, rateLimit, steps] of SCENARIOS) {
    it(`decides as the in-memory limiter does: ${name}`, async () => {
      const clock = { t: 5_000_000 };
      const key: ApiKeyConfig = { name: `key-${name}`, key: 'k', rateLimit };
      const local: RateLimits = localLimits(new RateLimiter(() => clock.t));
      const { limits: shared } = await redisLimits(() => clock.t, () => expect.unreachable('Redis is up'));
      for (const step of steps) {
        if (step[0] === 'wait') clock.t += step[1];
        else if (step[0] === 'charge') {
          local.charge(key, step[1]);
          shared.charge(key, step[1]);
          await new Promise((resolve) => setTimeout(resolve, 20)); // charge is not awaited by design
        } else {
          expect(await local.take(key, step[1])).toEqual(step[2]);
          expect(await shared.take(key, step[1])).toEqual(step[2]);
        }
      }
    });
  }

  it('lets exactly the limit through when three replicas race for it', async () => {
    const now = () => 7_000_000;
    const replicas = await Promise.all([redisLimits(now), redisLimits(now), redisLimits(now)]);
    const key: ApiKeyConfig = { name: 'raced', key: 'k', rateLimit: { requestsPerMinute: 50 } };
    // all three in one namespace, as replicas of one deployment are
    const sameNamespace = replicas.map(({ link }) => new RedisRateLimits({ link, keyPrefix: 'race', local: localLimits(), onFallback: () => expect.unreachable(), now }));
    const verdicts = await Promise.all(Array.from({ length: 150 }, (_, i) => sameNamespace[i % 3].take(key, 0)));
    expect(verdicts.filter((v) => v.ok)).toHaveLength(50);
  });

  it('costs one Redis command per request: the script, nothing else', async () => {
    const { limits, link } = await redisLimits();
    const key: ApiKeyConfig = { name: 'counted', key: 'k', rateLimit: { requestsPerMinute: 1000, tokensPerMinute: 100_000 } };
    await limits.take(key, 10); // the first one EVALs, caching the script
    await link.client.configResetStat();
    for (let i = 0; i < 25; i++) expect(await limits.take(key, 10)).toEqual({ ok: true });
    const stats = Object.fromEntries(
      [...(await link.client.info('commandstats')).matchAll(/^cmdstat_(\w+(?:\|\w+)?):calls=(\d+)/gm)].map((m) => [m[1], Number(m[2])]),
    );
    delete stats['config|resetstat'];
    const { evalsha, ...inside } = stats;
    expect(evalsha).toBe(25);
    // commandstats also counts the calls the script makes inside Redis
    expect(Object.keys(inside).sort()).toEqual(['hmget', 'hset', 'pexpire', 'time']);
  });

  it('never asks Redis for a key without limits', async () => {
    const { limits } = await redisLimits(undefined, () => expect.unreachable());
    expect(await limits.take({ name: 'free', key: 'k' }, 1e9)).toEqual({ ok: true });
  });

  it('decides locally while Redis is down, says so once without the password, and shares again once it is back', async () => {
    const logs: string[] = [];
    const fallbacks: string[] = [];
    const { limits, link } = await redisLimits(undefined, () => fallbacks.push('x'), (line) => logs.push(line));
    const key: ApiKeyConfig = { name: 'outage', key: 'k', rateLimit: { requestsPerMinute: 1000 } };
    expect(await limits.take(key, 0)).toEqual({ ok: true });
    expect(fallbacks).toHaveLength(0);
    await redis.kill();
    for (let i = 0; i < 20; i++) expect(await limits.take(key, 0)).toEqual({ ok: true });
    expect(fallbacks).toHaveLength(20);
    expect(link.connected).toBe(false);
    await redis.restart();
    await until(() => link.usable, 'the link to reconnect');
    expect(await limits.take(key, 0)).toEqual({ ok: true });
    expect(fallbacks).toHaveLength(20);
    expect(logs.filter((l) => l.includes('unreachable'))).toHaveLength(1);
    expect(logs.filter((l) => l.includes('answers again'))).toHaveLength(1);
    expect(logs.join('\n')).not.toContain('redis-pass-0123');
    expect(logs[0]).toContain(`127.0.0.1:${redis.port}`);
  });

  it('decides locally when Redis stalls past timeoutMs, then returns to it', async () => {
    const logs: string[] = [];
    const fallbacks: string[] = [];
    const { limits, link } = await redisLimits(undefined, () => fallbacks.push('x'), (line) => logs.push(line), 250);
    const key: ApiKeyConfig = { name: 'stall', key: 'k', rateLimit: { requestsPerMinute: 1000 } };
    const pid = redis.pid() as number;
    process.kill(pid, 'SIGSTOP');
    try {
      expect(await limits.take(key, 0)).toEqual({ ok: true });
      expect(await limits.take(key, 0)).toEqual({ ok: true });
      expect(fallbacks).toHaveLength(2);
      expect(link.connected).toBe(false);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    await until(() => link.usable, 'the suspension to end');
    expect(await limits.take(key, 0)).toEqual({ ok: true });
    expect(fallbacks).toHaveLength(2);
    expect(link.connected).toBe(true);
    expect(logs.map((l) => JSON.parse(l).msg)).toEqual([expect.stringContaining('unreachable'), expect.stringContaining('answers again')]);
  });
});
