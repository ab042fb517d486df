// Circuits shared through a real redis-server: what one replica's tracker decides, the others
// apply; a replica that joins late or reconnects catches up; an opening made while Redis was
// down is announced once it is back.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { needs } from '../../conformance/test/requirements.ts';
import { HealthTracker } from '../health/tracker.ts';
import { openLink, redisRequirement, startRedis, until, type TestRedis } from '../test/helpers/redis-server.ts';
import { CircuitSync } from './circuit-sync.ts';
import type { RedisLink } from './redis-link.ts';

const hasRedis = needs(redisRequirement());

const POLICY = { failureThreshold: 2, cooldownMs: 60_000, probeIntervalMs: 0 };
let redis: TestRedis;
let prefix = 0;
const opened: Array<{ link: RedisLink; sync: CircuitSync }> = [];

interface Replica {
  health: HealthTracker;
  link: RedisLink;
  fallbacks: number;
}

async function replica(keyPrefix: string, name: string): Promise<Replica> {
  const link = await openLink(redis.url, { keyPrefix });
  const r: Replica = { health: undefined as unknown as HealthTracker, link, fallbacks: 0 };
  const sync = new CircuitSync(link, keyPrefix, name, ['a', 'b'], () => r.fallbacks++);
  r.health = new HealthTracker(POLICY, Date.now, (backend, change) => sync.publish(backend, change));
  sync.follow(r.health);
  opened.push({ link, sync });
  return r;
}

describe.skipIf(!hasRedis)('CircuitSync', () => {
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterEach(async () => {
    for (const { link, sync } of opened.splice(0)) {
      sync.stop();
      await link.close();
    }
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('opens, clears and closes a circuit on every replica', async () => {
    const ns = `c${++prefix}`;
    const [one, two, three] = [await replica(ns, 'one'), await replica(ns, 'two'), await replica(ns, 'three')];
    await new Promise((resolve) => setTimeout(resolve, 100)); // subscriptions settle
    one.health.recordFailure('a');
    one.health.recordFailure('a');
    await until(() => two.health.state('a') === 'open' && three.health.state('a') === 'open', 'the others to open a');
    expect(two.health.state('b')).toBe('closed');
    two.health.recordProbe('a', true);
    await until(() => one.health.state('a') === 'half-open' && three.health.state('a') === 'half-open', 'the probe to clear a everywhere');
    three.health.recordSuccess('a');
    await until(() => one.health.state('a') === 'closed' && two.health.state('a') === 'closed', 'the trial to close a everywhere');
    expect(one.fallbacks + two.fallbacks + three.fallbacks).toBe(0);
  });

  it('gives a replica that starts later the circuits already open', async () => {
    const ns = `c${++prefix}`;
    const first = await replica(ns, 'first');
    first.health.recordProbe('b', false);
    const late = await replica(ns, 'late');
    await until(() => late.health.state('b') === 'open', 'the late replica to see b open');
    const [own] = first.health.snapshot().filter((s) => s.backend === 'b');
    const [seen] = late.health.snapshot().filter((s) => s.backend === 'b');
    expect(seen.openedAt).toBe(own.openedAt);
  });

  it('announces a circuit opened while Redis was down once it is back', async () => {
    const ns = `c${++prefix}`;
    const [one, two] = [await replica(ns, 'one'), await replica(ns, 'two')];
    await redis.kill();
    await until(() => !one.link.usable, 'the replica to notice');
    one.health.recordProbe('a', false);
    expect(one.fallbacks).toBe(1);
    expect(two.health.state('a')).toBe('closed');
    await redis.restart();
    await until(() => two.health.state('a') === 'open', 'the opening to reach the other replica', 15_000);
  });
});
