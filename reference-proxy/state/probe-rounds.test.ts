// One probe round per interval slot across replicas, against a real redis-server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needs } from '../../conformance/test/requirements.ts';
import { openLink, redisRequirement, startRedis, type TestRedis } from '../test/helpers/redis-server.ts';
import { claimProbeRound } from './probe-rounds.ts';
import type { RedisLink } from './redis-link.ts';

const hasRedis = needs(redisRequirement());

describe.skipIf(!hasRedis)('claimProbeRound', () => {
  let redis: TestRedis;
  let links: RedisLink[];
  beforeAll(async () => {
    redis = await startRedis();
    links = await Promise.all([1, 2, 3].map(() => openLink(redis.url)));
  });
  afterAll(async () => {
    await Promise.all(links.map((l) => l.close()));
    await redis?.stop();
  });

  it('gives each slot of the interval to exactly one replica', async () => {
    const claims = async (now: number) => Promise.all(links.map((link, i) => claimProbeRound(link, 'rounds', `r${i}`, 1_000, now)));
    const slot1 = await claims(5_000_100);
    expect(slot1.filter(Boolean)).toHaveLength(1);
    expect((await claims(5_000_900)).filter(Boolean)).toHaveLength(0);
    expect((await claims(5_001_000)).filter(Boolean)).toHaveLength(1);
  });

  it('lets every replica probe for itself while Redis is down', async () => {
    await redis.kill();
    const claims = await Promise.all(links.map((link, i) => claimProbeRound(link, 'rounds', `r${i}`, 1_000, 9_000_000)));
    expect(claims).toEqual([true, true, true]);
    await redis.restart();
  });
});
