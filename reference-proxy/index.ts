// Starts the reference proxy for a validated config (see config/load.ts for loading one).
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import { RateLimiter } from './auth/rate-limit.ts';
import { BackendProfiles } from './detect/backend-profiles.ts';
import { settleWithin } from './detect/settle-within.ts';
import type { ProxyContext } from './handlers/context.ts';
import { startProbes } from './health/probe.ts';
import { HealthTracker } from './health/tracker.ts';
import { createLineBuffer } from './observe/line-buffer.ts';
import { createMetrics } from './observe/metrics.ts';
import { compilePatterns } from './safety/safety.ts';
import { createProxyServer } from './server.ts';
import type { ProxyConfig } from './types.ts';
import { UpstreamPools } from './upstream/pools.ts';

export interface RunningProxy {
  /** http(s)://host:port */
  url: string;
  port: number;
  close(): Promise<void>;
  metrics: Registry;
}

/**
 * How long start-up waits for the first identification of `auto` backends. Local servers answer
 * in milliseconds; a slow or unreachable one is served as `generic` meanwhile, and identified
 * when its answer comes.
 */
const IDENTIFY_WAIT_MS = 3_000;

/** `log` receives each request's log line as it is produced; without it, lines go to stdout in batches. */
export async function startProxy(config: ProxyConfig, opts: { log?: (line: string) => void } = {}): Promise<RunningProxy> {
  const stdoutLog = opts.log ? undefined : createLineBuffer((chunk) => process.stdout.write(chunk));
  const log = opts.log ?? ((line: string) => stdoutLog?.write(line));
  const health = new HealthTracker(config.health);
  const profiles = new BackendProfiles(config.backends, log);
  const metrics = createMetrics(health, config.backends.map((b) => b.name), profiles);
  const ctx: ProxyContext = {
    config,
    health,
    limiter: new RateLimiter(),
    pools: new UpstreamPools(config.backends),
    metrics,
    denyInput: compilePatterns(config.safety.denyInput ?? []),
    denyOutput: compilePatterns(config.safety.denyOutput ?? []),
    secrets: config.backends.flatMap((b) => (b.apiKey ? [b.apiKey] : [])),
    startedAt: Math.floor(Date.now() / 1000),
    log,
    inflight: 0,
    profiles,
  };
  const server = createProxyServer(ctx);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.listen.port, config.listen.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const probes = startProbes(config, health, undefined, { profiles });
  await settleWithin(probes.firstRound, IDENTIFY_WAIT_MS);
  const { port } = server.address() as AddressInfo;
  return {
    url: `${config.listen.tls ? 'https' : 'http'}://${hostForUrl(config.listen.host)}:${port}`,
    port,
    metrics: metrics.registry,
    async close() {
      probes.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await ctx.pools.close();
      await closed;
      stdoutLog?.close();
    },
  };
}

/** A host a client can connect to: wildcard listens are reached on loopback. */
function hostForUrl(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
