// The Redis conversation store against a real redis-server: the same contract as the memory
// store, shared by two replicas, every key expiring after the time to live, and a clean 503 —
// not a 500, not a silent miss — while Redis is down.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needs } from '../../conformance/test/requirements.ts';
import { ProxyError } from '../errors.ts';
import { stored, storeContract } from '../responses/store-contract.fixtures.ts';
import { openLink, redisRequirement, startRedis, until, type TestRedis } from '../test/helpers/redis-server.ts';
import type { RedisLink } from './redis-link.ts';
import { RedisResponsesStore } from './redis-responses-store.ts';

const hasRedis = needs(redisRequirement());

let redis: TestRedis;
const links: RedisLink[] = [];
async function link(): Promise<RedisLink> {
  const l = await openLink(redis.url, { keyPrefix: 'conv' });
  links.push(l);
  return l;
}

describe.skipIf(!hasRedis)('RedisResponsesStore', () => {
  beforeAll(async () => {
    redis = await startRedis({ password: 'redis-pass-4567' });
  });
  afterAll(async () => {
    await Promise.all(links.map((l) => l.close()));
    await redis?.stop();
  });

  storeContract(async () => new RedisResponsesStore(await link(), 'conv', 60_000));

  it('a conversation saved by one replica continues on another', async () => {
    const [a, b] = [new RedisResponsesStore(await link(), 'shared', 60_000), new RedisResponsesStore(await link(), 'shared', 60_000)];
    const first = stored();
    await a.save(first);
    expect(await b.get(String(first.response.id))).toEqual(first);
    expect((await b.items([first.response.output[0].id])).size).toBe(1);
  });

  it('every key expires after the time to live', async () => {
    const l = await link();
    const store = new RedisResponsesStore(l, 'ttl', 30_000);
    const one = stored();
    await store.save(one);
    const ttl = await l.client.pTTL(`ttl:responses:response::${one.response.id}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30_000);
    expect(await l.client.pTTL(`ttl:responses:item::${one.response.output[0].id}`)).toBeGreaterThan(0);
    const short = new RedisResponsesStore(l, 'ttl', 1);
    const gone = stored();
    await short.save(gone);
    // a 1 ms time to live: Redis drops the key by itself, the store then reports it unknown
    let left = await short.get(String(gone.response.id));
    for (let tries = 0; left !== undefined && tries < 500; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      left = await short.get(String(gone.response.id));
    }
    expect(left).toBeUndefined();
  });

  it('reads a miss again: a response another replica is storing right now is found, not refused', async () => {
    const [a, b] = [new RedisResponsesStore(await link(), 'race', 60_000), new RedisResponsesStore(await link(), 'race', 60_000, [50, 150, 300])];
    const late = stored();
    // the next turn asks while the replica that answered the previous one is still writing it
    const asked = Promise.all([b.get(String(late.response.id)), b.items([late.response.output[0].id])]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await a.save(late);
    const [found, items] = await asked;
    expect(found).toEqual(late);
    expect(items.size).toBe(1);
    // without retries, the same race is a miss
    const eager = new RedisResponsesStore(await link(), 'race', 60_000, []);
    const other = stored();
    const missed = eager.get(String(other.response.id));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await a.save(other);
    expect(await missed).toBeUndefined();
  });

  it('answers 503 while Redis is down, and works again once it is back', async () => {
    const l = await link();
    const store = new RedisResponsesStore(l, 'down', 60_000);
    await redis.kill();
    await until(() => !l.usable, 'the link to notice');
    const error = await store.get('resp_x').then(() => undefined, (e) => e);
    expect(error).toBeInstanceOf(ProxyError);
    expect([(error as ProxyError).status, (error as ProxyError).code]).toEqual([503, 'conversation_store_unavailable']);
    await redis.restart();
    await until(() => l.usable, 'the link to reconnect');
    const one = stored();
    await store.save(one);
    expect(await store.get(String(one.response.id))).toEqual(one);
  });
});
