// What replicas may share, behind one small interface: per-key rate limits, circuit transitions
// who runs the next health-probe round, and the Responses conversation store. Two implementations: local (in memory, each replica
// on its own) and Redis (every replica agrees, and falls back to local while Redis is away).
// Nothing outside state/ knows which one is running.
import type { TakeResult } from '../auth/rate-limit.ts';
import type { CircuitChange, HealthTracker } from '../health/tracker.ts';
import type { ResponsesStore, StoreLimits } from '../responses/store.ts';
import type { ApiKeyConfig } from '../types.ts';

export interface RateLimits {
  /** Decides and pays for one request; awaits the store at most once. */
  take(key: ApiKeyConfig, estimatedTokens: number): Promise<TakeResult> | TakeResult;
  /** Tokens learnt after the answer; never awaited by the request. */
  charge(key: ApiKeyConfig, tokens: number): void;
}

export interface StateStatus {
  store: 'local' | 'redis';
  /** redis: whether Redis answers; while it does not, this replica decides on its local state */
  connected?: boolean;
  /** redis: host:port, never the URL (it may hold a password) */
  endpoint?: string;
}

export interface SharedState {
  limits: RateLimits;
  /** Tells the other replicas about a transition of this replica's circuit (HealthTracker's onChange). */
  shareCircuit(backend: string, change: CircuitChange): void;
  /** Begins applying the other replicas' transitions to `health`. */
  follow(health: HealthTracker): void;
  /** Whether this replica runs the probe round now; when shared, one replica per interval does. */
  claimProbeRound(intervalMs: number): Promise<boolean>;
  /** A conversation store for /v1/responses: in this replica's memory, or in Redis shared by every replica. */
  conversations(limits: StoreLimits): ResponsesStore;
  status(): StateStatus;
  close(): Promise<void>;
}
