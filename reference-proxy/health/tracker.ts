// Passive health per backend: a circuit breaker plus the outstanding-request count used for load
// balancing. closed → open after `failureThreshold` consecutive failures → half-open once
// `cooldownMs` has passed, letting exactly one trial request through: its success closes the
// circuit, its failure opens it for another cooldown. Counters are per process; the circuit's
// transitions (opened, closed, cleared by a probe) are reported to `onChange` and taken from
// other replicas with `applyShared` (state/ carries them), so replicas agree on each circuit.
import type { HealthPolicy, HealthView } from '../types.ts';

export type CircuitState = 'closed' | 'open' | 'half-open';

/** A transition of one backend's circuit, as replicas tell each other. */
export type CircuitChange = { state: 'open'; openedAt: number } | { state: 'closed' } | { state: 'probe-cleared' };

interface BackendHealth {
  consecutiveFailures: number;
  openedAt?: number;
  /** a half-open trial request is in flight; others wait for its verdict */
  trialInFlight: boolean;
  /** an active probe succeeded while open: skip the rest of the cooldown */
  probeCleared: boolean;
  outstanding: number;
}

export class HealthTracker implements HealthView {
  private readonly backends = new Map<string, BackendHealth>();

  private readonly policy: HealthPolicy;
  private readonly now: () => number;
  /** called on each transition this tracker makes itself (never for applyShared) */
  private readonly onChange: (backend: string, change: CircuitChange) => void;

  constructor(
    policy: HealthPolicy,
    now: () => number = Date.now,
    onChange: (backend: string, change: CircuitChange) => void = () => {},
  ) {
    this.policy = policy;
    this.now = now;
    this.onChange = onChange;
  }

  state(backend: string): CircuitState {
    const h = this.backends.get(backend);
    if (h?.openedAt === undefined) return 'closed';
    return h.probeCleared || this.now() - h.openedAt >= this.policy.cooldownMs ? 'half-open' : 'open';
  }

  isAvailable(backend: string): boolean {
    const state = this.state(backend);
    return state === 'closed' || (state === 'half-open' && !this.entry(backend).trialInFlight);
  }

  outstanding(backend: string): number {
    return this.backends.get(backend)?.outstanding ?? 0;
  }

  begin(backend: string): void {
    const h = this.entry(backend);
    h.outstanding++;
    if (this.state(backend) === 'half-open') h.trialInFlight = true;
  }

  end(backend: string): void {
    const h = this.entry(backend);
    h.outstanding = Math.max(0, h.outstanding - 1);
    // A trial that ended without a verdict (the client went away) must not block the next trial
    // forever. Requests carry no id here, so a request begun before the circuit opened that ends
    // during a trial also frees the slot: at worst a second trial, never a stuck backend.
    h.trialInFlight = false;
  }

  recordSuccess(backend: string): void {
    const h = this.entry(backend);
    h.consecutiveFailures = 0;
    if (h.openedAt === undefined) return;
    this.close(h);
    this.onChange(backend, { state: 'closed' });
  }

  recordFailure(backend: string): void {
    const h = this.entry(backend);
    h.consecutiveFailures++;
    const state = this.state(backend);
    if (state === 'half-open' || (state === 'closed' && h.consecutiveFailures >= this.policy.failureThreshold)) this.openAndTell(backend, h);
  }

  /**
   * An active probe's verdict. A failed probe opens the circuit at once (the server is not even
   * answering its health endpoint). A passing probe only shortens an open circuit to half-open,
   * because a live health endpoint does not prove the model answers; real traffic decides.
   */
  recordProbe(backend: string, ok: boolean): void {
    const h = this.entry(backend);
    if (!ok) {
      if (this.state(backend) !== 'open') this.openAndTell(backend, h);
      return;
    }
    if (h.openedAt === undefined || h.probeCleared) return;
    h.probeCleared = true;
    this.onChange(backend, { state: 'probe-cleared' });
  }

  /**
   * A transition another replica made. Its opening opens a closed or half-open circuit here (a
   * trial that failed elsewhere restarts the cooldown everywhere) at the time it was opened
   * there, so the cooldowns end together; a time in this replica's future (clock skew) counts
   * from now. Nothing is reported back to `onChange`.
   */
  applyShared(backend: string, change: CircuitChange): void {
    const h = this.entry(backend);
    if (change.state === 'closed') {
      h.consecutiveFailures = 0;
      this.close(h);
    } else if (change.state === 'probe-cleared') {
      if (h.openedAt !== undefined) h.probeCleared = true;
    } else if (h.openedAt === undefined || (h.openedAt !== change.openedAt && this.state(backend) === 'half-open')) {
      this.open(h, Math.min(change.openedAt, this.now()));
    }
  }

  snapshot(): Array<{ backend: string; state: CircuitState; consecutiveFailures: number; outstanding: number; openedAt?: number }> {
    return [...this.backends].map(([backend, h]) => ({
      backend,
      state: this.state(backend),
      consecutiveFailures: h.consecutiveFailures,
      outstanding: h.outstanding,
      ...(h.openedAt === undefined ? {} : { openedAt: h.openedAt }),
    }));
  }

  private entry(backend: string): BackendHealth {
    let h = this.backends.get(backend);
    if (!h) {
      h = { consecutiveFailures: 0, trialInFlight: false, probeCleared: false, outstanding: 0 };
      this.backends.set(backend, h);
    }
    return h;
  }

  private openAndTell(backend: string, h: BackendHealth): void {
    this.open(h, this.now());
    this.onChange(backend, { state: 'open', openedAt: h.openedAt as number });
  }

  private open(h: BackendHealth, at: number): void {
    h.openedAt = at;
    h.trialInFlight = false;
    h.probeCleared = false;
  }

  private close(h: BackendHealth): void {
    h.openedAt = undefined;
    h.trialInFlight = false;
    h.probeCleared = false;
  }
}
