// The proxy's Prometheus metrics, on a registry owned by one proxy instance (not prom-client's
// global one) so several proxies in one process (tests, embedding) never share counters.
import { Counter, Gauge, Registry } from 'prom-client';
import type { HealthTracker } from '../health/tracker.ts';
import type { RepairKind } from '../normalize/repairs.ts';
import type { BackendConfig } from '../types.ts';
import { HotCounter, HotHistogram } from './hot-metrics.ts';

const CIRCUIT_VALUE = { closed: 0, 'half-open': 1, open: 2 } as const;

export interface ProxyMetrics {
  registry: Registry;
  requests: HotCounter<'route' | 'status'>;
  attempts: HotCounter<'backend'>;
  upstreamFailures: Counter<'backend' | 'reason'>;
  failovers: Counter<'reason'>;
  latency: HotHistogram<'route'>;
  ttft: HotHistogram<'backend'>;
  tokens: HotCounter<'backend' | 'direction' | 'endpoint'>;
  served: HotCounter<'locality' | 'endpoint'>;
  cost: Counter<'backend' | 'endpoint'>;
  repairs: Counter<'backend' | 'kind'>;
}

/** What the profile gauge reads: each backend's current profile (detect/backend-profiles.ts). */
export interface ProfilesView {
  snapshot(): Array<{ backend: string; profile: string; version?: string; source: string }>;
}

/**
 * `backends`: every configured backend, so the circuit gauge shows the ones no request has reached
 * yet; `profiles`: the source of the profile gauge (none without it).
 */
export function createMetrics(health: HealthTracker, backends: string[] = [], profiles?: ProfilesView): ProxyMetrics {
  const registry = new Registry();
  const registers = [registry];
  const seconds = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];
  new Gauge({
    name: 'dropin_circuit_state',
    help: 'Circuit breaker state per backend: 0 closed, 1 half-open, 2 open',
    labelNames: ['backend'],
    registers,
    collect() {
      const names = new Set([...backends, ...health.snapshot().map((s) => s.backend)]);
      for (const backend of names) this.set({ backend }, CIRCUIT_VALUE[health.state(backend)]);
    },
  });
  if (profiles) {
    new Gauge({
      name: 'dropin_backend_profile_info',
      help: 'The profile each backend is served with (1): configured, or identified (source) with the version it reported',
      labelNames: ['backend', 'profile', 'version', 'source'],
      registers,
      collect() {
        // a re-identified backend must not keep its old label set
        this.reset();
        for (const p of profiles.snapshot()) this.set({ backend: p.backend, profile: p.profile, version: p.version ?? '', source: p.source }, 1);
      },
    });
  }
  return {
    registry,
    // updated by every request: HotCounter and HotHistogram (hot-metrics.ts), rendered as prom-client's own
    requests: new HotCounter({ name: 'dropin_requests_total', help: 'Requests answered, by route and HTTP status', labelNames: ['route', 'status'], registers }),
    attempts: new HotCounter({ name: 'dropin_upstream_attempts_total', help: 'Upstream requests sent, by backend', labelNames: ['backend'], registers }),
    upstreamFailures: new Counter({ name: 'dropin_upstream_failures_total', help: 'Failed upstream attempts, by backend and reason', labelNames: ['backend', 'reason'], registers }),
    failovers: new Counter({ name: 'dropin_failovers_total', help: 'Moves to another candidate, by reason', labelNames: ['reason'], registers }),
    latency: new HotHistogram({ name: 'dropin_request_duration_seconds', help: 'Time from request to the last byte of the response', labelNames: ['route'], buckets: seconds, registers }),
    ttft: new HotHistogram({ name: 'dropin_time_to_first_token_seconds', help: 'Time from request to the first response byte sent to the client', labelNames: ['backend'], buckets: seconds, registers }),
    tokens: new HotCounter({ name: 'dropin_tokens_total', help: 'Tokens reported by upstream usage, by backend, direction (prompt|completion) and endpoint', labelNames: ['backend', 'direction', 'endpoint'], registers }),
    served: new HotCounter({ name: 'dropin_served_requests_total', help: 'Requests served, by where (local|cloud) and endpoint', labelNames: ['locality', 'endpoint'], registers }),
    cost: new Counter({ name: 'dropin_estimated_cost_usd_total', help: 'Estimated cost from reported usage and configured prices, by backend and endpoint', labelNames: ['backend', 'endpoint'], registers }),
    repairs: new Counter({ name: 'dropin_repairs_total', help: 'Upstream responses (and requests) the proxy had to repair, by backend and kind of repair', labelNames: ['backend', 'kind'], registers }),
  };
}

/** Counts each kind of repair one attempt needed, once. */
export function recordRepairs(metrics: ProxyMetrics, backend: string, repairs: Iterable<RepairKind>): void {
  for (const kind of repairs) metrics.repairs.inc({ backend, kind });
}

export interface Usage {
  prompt_tokens?: number;
  completion_tokens?: number;
}

/** Counts one served request of an endpoint: tokens, locality and, when a price is configured, its cost. */
export function recordServed(metrics: ProxyMetrics, backend: BackendConfig, endpoint: string, usage: Usage | undefined): void {
  metrics.served.inc({ locality: backend.local ? 'local' : 'cloud', endpoint });
  if (!usage) return;
  const prompt = usage.prompt_tokens ?? 0;
  const completion = usage.completion_tokens ?? 0;
  metrics.tokens.inc({ backend: backend.name, direction: 'prompt', endpoint }, prompt);
  metrics.tokens.inc({ backend: backend.name, direction: 'completion', endpoint }, completion);
  const cost = estimateCost(backend, usage);
  if (cost > 0) metrics.cost.inc({ backend: backend.name, endpoint }, cost);
}

/** USD for one response, from prices per 1M tokens; 0 when the backend has no price. */
export function estimateCost(backend: BackendConfig, usage: Usage): number {
  if (!backend.price) return 0;
  return ((usage.prompt_tokens ?? 0) * backend.price.input + (usage.completion_tokens ?? 0) * backend.price.output) / 1_000_000;
}
