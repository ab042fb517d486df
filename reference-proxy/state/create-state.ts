// Picks the state store from the config: Redis when state.redis is set, else in-memory. The Redis
// store is imported only when configured: its client is some 500 modules, which a proxy without
// Redis would otherwise load, compile and keep in memory for nothing.
import type { Registry } from 'prom-client';
import type { ProxyConfig } from '../types.ts';
import { createLocalState } from './local-state.ts';
import type { SharedState } from './shared-state.ts';

export async function createState(config: ProxyConfig, opts: { log: (line: string) => void; registry?: Registry }): Promise<SharedState> {
  if (!config.state) return createLocalState();
  const { createRedisState } = await import('./redis-state.ts');
  return createRedisState(config.state.redis, { ...opts, backends: config.backends.map((b) => b.name) });
}
