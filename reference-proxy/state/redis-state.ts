// Shared state in Redis (state.redis in the config): rate limits enforced across replicas,
// circuits that open and close together, one probe round per interval. The request path awaits
// Redis once (the rate-limit script, for keys with limits); circuit changes are published without
// waiting, and circuits are read from memory kept current by the subscription.
import { randomUUID } from 'node:crypto';
import type { Registry } from 'prom-client';
import type { RedisStateConfig } from '../types.ts';
import { CircuitSync } from './circuit-sync.ts';
import { localLimits } from './local-state.ts';
import { claimProbeRound } from './probe-rounds.ts';
import { RedisLink } from './redis-link.ts';
import { RedisRateLimits } from './redis-rate-limits.ts';
import { RedisResponsesStore } from './redis-responses-store.ts';
import type { SharedState } from './shared-state.ts';
import { registerStateMetrics } from './state-metrics.ts';

export interface RedisStateOptions {
  backends: readonly string[];
  log: (line: string) => void;
  registry?: Registry;
}

export function createRedisState(cfg: RedisStateConfig, opts: RedisStateOptions): SharedState {
  const replicaId = randomUUID();
  const link = new RedisLink(cfg, opts.log);
  let state: SharedState;
  const metrics = registerStateMetrics(opts.registry, () => state.status());
  const limits = new RedisRateLimits({ link, keyPrefix: cfg.keyPrefix, local: localLimits(), onFallback: (op) => metrics.fallback(op) });
  const circuits = new CircuitSync(link, cfg.keyPrefix, replicaId, opts.backends, () => metrics.fallback('circuit'));
  state = {
    limits,
    shareCircuit: (backend, change) => circuits.publish(backend, change),
    follow: (health) => void circuits.follow(health),
    claimProbeRound: (intervalMs) => claimProbeRound(link, cfg.keyPrefix, replicaId, intervalMs),
    // Redis's own maxmemory policy bounds the size; the time to live is the store's
    conversations: (limits) => new RedisResponsesStore(link, cfg.keyPrefix, limits.ttlMs),
    status: () => ({ store: 'redis', connected: link.connected, endpoint: link.endpoint }),
    close: async () => {
      circuits.stop();
      await link.close();
    },
  };
  link.start();
  return state;
}
