// Active health checks: every `health.probeIntervalMs`, a GET to each backend's healthPath
// (Ollama `/`, llama.cpp and vLLM `/health`, which answers 503 while a model loads). Backends
// without a healthPath (cloud APIs by default) are left to passive checks. Probes never overlap:
// a tick that finds the previous round still running is skipped. With shared state, `claim`
// lets one replica per interval run the round (state/probe-rounds.ts).
import type { BackendConfig, ProxyConfig } from '../types.ts';
import type { HealthTracker } from './tracker.ts';

/** HTTP status of a GET, or 0 when no response arrived (refused, reset, timed out). */
export type FetchStatus = (url: string, init?: { headers?: Record<string, string>; timeoutMs?: number }) => Promise<number>;

export function probeUrl(backend: BackendConfig): string | undefined {
  if (backend.healthPath === undefined) return undefined;
  return new URL(backend.healthPath, new URL(backend.baseUrl).origin).toString();
}

/** One round: probe every backend that has a health path, in parallel, and record the verdicts. */
export async function probeOnce(config: ProxyConfig, tracker: HealthTracker, fetchStatus: FetchStatus): Promise<void> {
  await Promise.all(
    config.backends.map(async (backend) => {
      const url = probeUrl(backend);
      if (url === undefined) return;
      const headers: Record<string, string> = backend.apiKey ? { authorization: `Bearer ${backend.apiKey}` } : {};
      const timeoutMs = Math.min(config.health.probeIntervalMs || backend.timeouts.firstByteMs, backend.timeouts.firstByteMs);
      const status = await fetchStatus(url, { headers, timeoutMs }).catch(() => 0);
      tracker.recordProbe(backend.name, status >= 200 && status < 300);
    }),
  );
}

export function startProbes(
  config: ProxyConfig,
  tracker: HealthTracker,
  fetchStatus: FetchStatus = fetchStatusOf,
  claim: (intervalMs: number) => Promise<boolean> = async () => true,
): { stop(): void } {
  const interval = config.health.probeIntervalMs;
  if (interval <= 0) return { stop() {} };
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    void claim(interval)
      .then((mine) => (mine ? probeOnce(config, tracker, fetchStatus) : undefined))
      .finally(() => (running = false));
  };
  tick();
  const timer = setInterval(tick, interval);
  timer.unref();
  return { stop: () => clearInterval(timer) };
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
