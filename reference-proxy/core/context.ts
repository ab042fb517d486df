// What every handler needs: the validated config, shared state, and per-request bookkeeping.
import type { BackendProfiles } from '../detect/backend-profiles.ts';
import type { Drain } from '../drain.ts';
import type { HealthTracker } from '../health/tracker.ts';
import type { ProxyMetrics } from '../observe/metrics.ts';
import type { RequestRecord } from '../observe/request-log.ts';
import type { RateLimits, SharedState } from '../state/shared-state.ts';
import type { ProxyConfig } from '../types.ts';
import type { UpstreamPools } from '../upstream/pools.ts';
import type { Route } from '../handlers/routes.ts';
import type { ProxyRequest, ProxyResponse } from '../runtime/http-types.ts';
import type { BackendApis } from './apis.ts';

export interface ProxyContext {
  config: ProxyConfig;
  health: HealthTracker;
  limiter: RateLimits;
  /** local or Redis-backed (state/); the limiter above is its rate limits */
  state: SharedState;
  /** requests in flight, and whether the proxy is shutting down */
  drain: Drain;
  pools: UpstreamPools;
  metrics: ProxyMetrics;
  denyInput: RegExp[];
  denyOutput: RegExp[];
  /** upstream keys, scrubbed from anything forwarded to a client */
  secrets: string[];
  /** unix seconds, the `created` of models listed from config */
  startedAt: number;
  log: (line: string) => void;
  inflight: number;
  /** each backend's current profile (configured or identified) */
  profiles: BackendProfiles;
  /** each backend's APIs (configured, or known from its current profile) */
  apis: BackendApis;
  /** what the server answers: every endpoint's routes, the model list, probes */
  routes: readonly Route[];
}

/** One client request in flight. */
export interface Exchange {
  req: ProxyRequest;
  res: ProxyResponse;
  record: RequestRecord;
  /** aborts when the client goes away before the response finished (made on first use: prefer `aborted`) */
  readonly clientSignal: AbortSignal;
  /** the client went away, or the drain deadline stopped the request */
  readonly aborted: boolean;
  /** stops the upstream attempt in flight: the attempt loop sets it, the client going away (or the drain deadline) calls it */
  stopUpstream?: () => void;
  /** performance.now() when the request arrived */
  startedMs: number;
  /** the stream session relaying the answer, once one started: how its endpoint ends it with an error (the drain deadline uses it) */
  stream?: { errorFrames(message: string, code: string): string };
}
