// Fills every optional setting so the rest of the proxy reads one complete ProxyConfig.
// Input is already shape-checked against schema.json (hence the loose RawConfig type).
import { defaultHealthPath } from '../health/health-path.ts';
import { DEFAULT_STORE_LIMITS } from '../responses/store.ts';
import type { BackendConfig, ProxyConfig, QuirkProfile, RedisStateConfig } from '../types.ts';
import { isLocalHost } from './local-host.ts';

/** The config file as written, after schema validation; every key the schema makes optional is optional here. */
export type RawConfig = Partial<Omit<ProxyConfig, 'backends' | 'state' | 'shutdown' | 'images' | 'responses'>> & {
  images?: Partial<ProxyConfig['images']>;
  responses?: { store?: Partial<ProxyConfig['responses']['store']> };
  backends: Array<Partial<BackendConfig> & Pick<BackendConfig, 'name' | 'baseUrl' | 'models'>>;
  state?: { redis: Partial<RedisStateConfig> & Pick<RedisStateConfig, 'url'> };
  shutdown?: Partial<ProxyConfig['shutdown']>;
};

export const DEFAULTS = {
  listen: { host: '127.0.0.1', port: 8080 },
  retry: { statuses: [429, 500, 502, 503, 504], attempts: 3, backoffMs: { initial: 100, max: 2000 }, honourRetryAfter: true },
  health: { failureThreshold: 3, cooldownMs: 30_000, probeIntervalMs: 0, identifyIntervalMs: 60_000 },
  limits: { maxBodyBytes: 1024 * 1024, headersTimeoutMs: 10_000, requestTimeoutMs: 300_000, maxConcurrent: 256 },
  timeouts: { connectMs: 5_000, firstByteMs: 60_000, totalMs: 600_000 },
  guard: { enabled: true, stream: 'buffer' as const },
  // Kubernetes' default terminationGracePeriodSeconds is 30: drain within it, with a margin.
  shutdown: { drainMs: 25_000 },
  redis: { keyPrefix: 'dropin', timeoutMs: 250 },
  images: { fetchUrls: false, allowPrivateHosts: false, maxBytes: 20 * 1024 * 1024, timeoutMs: 10_000 },
  responses: { store: DEFAULT_STORE_LIMITS },
} as const;

export function applyDefaults(raw: RawConfig): ProxyConfig {
  const config: ProxyConfig = {
    listen: { ...DEFAULTS.listen, ...raw.listen },
    backends: raw.backends.map(backendDefaults),
    aliases: raw.aliases ?? {},
    rules: raw.rules ?? [],
    retry: {
      ...DEFAULTS.retry,
      ...raw.retry,
      statuses: raw.retry?.statuses ?? [...DEFAULTS.retry.statuses],
      backoffMs: { ...DEFAULTS.retry.backoffMs, ...raw.retry?.backoffMs },
    },
    health: { ...DEFAULTS.health, ...raw.health },
    guard: { ...DEFAULTS.guard, ...raw.guard },
    safety: raw.safety ?? {},
    limits: { ...DEFAULTS.limits, ...raw.limits },
    shutdown: { ...DEFAULTS.shutdown, ...raw.shutdown },
    images: { ...DEFAULTS.images, ...raw.images },
    responses: { store: { ...DEFAULTS.responses.store, ...raw.responses?.store } },
  };
  if (raw.auth) config.auth = raw.auth;
  if (raw.cors) config.cors = raw.cors;
  if (raw.state) config.state = { redis: { ...DEFAULTS.redis, ...raw.state.redis } };
  if (raw.reasoning) config.reasoning = raw.reasoning;
  return config;
}

function backendDefaults(raw: RawConfig['backends'][number]): BackendConfig {
  const profile = raw.profile ?? 'auto';
  const baseUrl = raw.baseUrl.replace(/\/+$/, '');
  const backend: BackendConfig = {
    ...raw,
    baseUrl,
    weight: raw.weight ?? 1,
    timeouts: { ...DEFAULTS.timeouts, ...raw.timeouts },
    profile,
    local: raw.local ?? isLocalHost(new URL(baseUrl).hostname),
  };
  // an `auto` backend's health path follows the profile identified at run time
  const healthPath = raw.healthPath ?? (profile === 'auto' ? undefined : defaultHealthPath(profile));
  if (healthPath !== undefined) backend.healthPath = healthPath;
  return backend;
}
