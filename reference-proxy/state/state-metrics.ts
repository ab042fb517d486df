// Metrics of the shared state: whether Redis answers (so an alert can fire while replicas run on
// local state) and how many decisions were taken locally because it did not.
import { Counter, Gauge, type Registry } from 'prom-client';
import type { StateStatus } from './shared-state.ts';

export type FallbackOperation = 'rate_limit' | 'charge' | 'circuit';

export function registerStateMetrics(registry: Registry | undefined, status: () => StateStatus): { fallback(op: FallbackOperation): void } {
  if (!registry) return { fallback() {} };
  const registers = [registry];
  new Gauge({
    name: 'dropin_shared_state_connected',
    help: 'Shared state (Redis) answers: 1 yes, 0 no (this replica decides rate limits and circuits on its own state)',
    registers,
    collect() {
      this.set(status().connected ? 1 : 0);
    },
  });
  const fallbacks = new Counter({
    name: 'dropin_shared_state_fallbacks_total',
    help: 'Decisions taken on local state because Redis could not answer, by operation (rate_limit|charge|circuit)',
    labelNames: ['operation'],
    registers,
  });
  return { fallback: (operation) => fallbacks.inc({ operation }) };
}
