// Picks the state store from the config: Redis when state.redis is set, else in-memory.
import type { Registry } from 'prom-client';
import type { ProxyConfig } from '../types.ts';
import { createLocalState } from './local-state.ts';
import { createRedisState } from './redis-state.ts';
import type { SharedState } from './shared-state.ts';

export function createState(config: ProxyConfig, opts: { log: (line: string) => void; registry?: Registry }): SharedState {
  if (!config.state) return createLocalState();
  return createRedisState(config.state.redis, { ...opts, backends: config.backends.map((b) => b.name) });
}
