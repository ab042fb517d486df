// The state of a single replica, in memory: today's behaviour, and what a Redis-backed replica
// falls back to while Redis is unreachable.
import { RateLimiter } from '../auth/rate-limit.ts';
import { MemoryResponsesStore } from '../responses/memory-store.ts';
import type { RateLimits, SharedState } from './shared-state.ts';

/** The in-memory token buckets behind the RateLimits interface. */
export function localLimits(limiter = new RateLimiter()): RateLimits {
  return {
    take: (key, estimatedTokens) => limiter.take(key, estimatedTokens),
    charge: (key, tokens) => limiter.charge(key, tokens),
  };
}

export function createLocalState(): SharedState {
  return {
    limits: localLimits(),
    shareCircuit() {},
    follow() {},
    claimProbeRound: async () => true,
    conversations: (limits) => new MemoryResponsesStore(limits),
    status: () => ({ store: 'local' }),
    close: async () => {},
  };
}
