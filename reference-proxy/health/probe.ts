// Active checks. Every `health.probeIntervalMs`, a round: the `auto` backends are re-identified
// (an upgraded or swapped server changes profile), then each backend's health path is probed
// (Ollama `/`, llama.cpp and vLLM `/health`, which answers 503 while a model loads; an `auto`
// backend's path follows its identified profile). Backends without a health path (cloud APIs by
// default) are left to passive checks. With probes off, identification alone repeats every
// `health.identifyIntervalMs`. Rounds never overlap: a tick that finds the previous one running
// is skipped. With shared state, `claim` lets one replica per interval probe (state/probe-rounds.ts);
// identification runs on every replica, since each normalises with its own view of the backend.
import type { BackendProfiles } from '../detect/backend-profiles.ts';
import { identifyBackends } from '../detect/identify-backends.ts';
import type { ObserveBackend } from '../detect/observe-backend.ts';
import type { BackendConfig, ProxyConfig } from '../types.ts';
import { defaultHealthPath } from './health-path.ts';
import type { HealthTracker } from './tracker.ts';

/** HTTP status of a GET, or 0 when no response arrived (refused, reset, timed out). */
export type FetchStatus = (url: string, init?: { headers?: Record<string, string>; timeoutMs?: number }) => Promise<number>;

/** Identification alongside the probes: the profiles to keep current and how to ask a backend. */
export interface IdentifyDeps {
  profiles: BackendProfiles;
  observe?: ObserveBackend;
}

export function probeUrl(backend: BackendConfig, profiles?: BackendProfiles): string | undefined {
  const path = backend.healthPath ?? (profiles ? defaultHealthPath(profiles.profile(backend.name)) : undefined);
  if (path === undefined) return undefined;
  return new URL(path, new URL(backend.baseUrl).origin).toString();
}

/** One round: probe every backend that has a health path, in parallel, and record the verdicts. */
export async function probeOnce(config: ProxyConfig, tracker: HealthTracker, fetchStatus: FetchStatus, profiles?: BackendProfiles): Promise<void> {
  await Promise.all(
    config.backends.map(async (backend) => {
      const url = probeUrl(backend, profiles);
      if (url === undefined) return;
      const headers: Record<string, string> = backend.apiKey ? { authorization: `Bearer ${backend.apiKey}` } : {};
      const timeoutMs = Math.min(config.health.probeIntervalMs || backend.timeouts.firstByteMs, backend.timeouts.firstByteMs);
      const status = await fetchStatus(url, { headers, timeoutMs }).catch(() => 0);
      tracker.recordProbe(backend.name, status >= 200 && status < 300);
    }),
  );
}

export interface Probes {
  stop(): void;
  /** settles when the first round (identification included) is over */
  firstRound: Promise<void>;
}

/** Whether this replica runs the probe round of this interval (always, without shared state). */
export type ClaimRound = (intervalMs: number) => Promise<boolean>;

export function startProbes(
  config: ProxyConfig,
  tracker: HealthTracker,
  fetchStatus: FetchStatus = fetchStatusOf,
  identity?: IdentifyDeps,
  claim: ClaimRound = async () => true,
): Probes {
  const identifying = identity !== undefined && config.backends.some((b) => b.profile === 'auto');
  const identifyRound = () => (identifying ? identifyBackends(config.backends, identity.profiles, identity.observe) : Promise.resolve());
  const probing = config.health.probeIntervalMs > 0;
  if (!probing && !identifying) return { stop() {}, firstRound: Promise.resolve() };
  const round = probing ? async () => {
    await identifyRound();
    if (await claim(config.health.probeIntervalMs)) await probeOnce(config, tracker, fetchStatus, identity?.profiles);
  } : identifyRound;
  let running: Promise<void> | undefined;
  const tick = () => {
    running ??= round()
      .catch(() => {})
      .finally(() => (running = undefined));
    return running;
  };
  const firstRound = tick();
  const interval = probing ? config.health.probeIntervalMs : (config.health.identifyIntervalMs ?? 0);
  const timer = interval > 0 ? setInterval(tick, interval) : undefined;
  timer?.unref();
  return { stop: () => clearInterval(timer), firstRound };
}

async function fetchStatusOf(url: string, init: { headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<number> {
  try {
    const res = await fetch(url, { headers: init.headers, signal: AbortSignal.timeout(init.timeoutMs ?? 5_000), redirect: 'manual' });
    await res.body?.cancel();
    return res.status;
  } catch {
    return 0;
  }
}
