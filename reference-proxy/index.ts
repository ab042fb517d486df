// Starts the reference proxy for a validated config (see config/load.ts for loading one).
import type { Registry } from 'prom-client';
import { ConfigError } from './config/load.ts';
import { BackendProfiles } from './detect/backend-profiles.ts';
import { settleWithin } from './detect/settle-within.ts';
import { Drain } from './drain.ts';
import { BackendApis } from './core/apis.ts';
import type { ProxyContext } from './core/context.ts';
import type { Endpoint, EndpointRequest } from './core/endpoint.ts';
import { buildRoutes, servedPaths } from './handlers/routes.ts';
import { startProbes } from './health/probe.ts';
import { HealthTracker } from './health/tracker.ts';
import { createLineBuffer } from './observe/line-buffer.ts';
import { createMetrics } from './observe/metrics.ts';
import { compilePatterns } from './safety/safety.ts';
import { bunRefusals } from './runtime/bun-limits.ts';
import { startFront } from './runtime/start-front.ts';
import { currentRuntime } from './runtime/which-runtime.ts';
import { requestHandler } from './server.ts';
import { createState } from './state/create-state.ts';
import type { HttpFront } from './runtime/http-types.ts';
import type { ProxyConfig } from './types.ts';
import { UpstreamPools } from './upstream/pools.ts';

export interface RunningProxy {
  /** http(s)://host:port */
  url: string;
  port: number;
  /**
   * Graceful stop (SIGTERM): stop accepting connections, /readyz 503 at once, let requests in
   * flight finish for up to shutdown.drainMs, end the rest with an error, then release everything.
   */
  shutdown(): Promise<void>;
  /** Immediate stop: every connection is closed now. */
  close(): Promise<void>;
  metrics: Registry;
}

/**
 * How long start-up waits for the first identification of `auto` backends. Local servers answer
 * in milliseconds; a slow or unreachable one is served as `generic` meanwhile, and identified
 * when its answer comes.
 */
const IDENTIFY_WAIT_MS = 3_000;

/**
 * `log` receives each request's log line as it is produced; without it, lines go to stdout in
 * batches. `endpoints` replaces the registry's (endpoints/registry.ts), e.g. to add one of your own.
 */
export async function startProxy(config: ProxyConfig, opts: { log?: (line: string) => void; endpoints?: readonly Endpoint<EndpointRequest>[] } = {}): Promise<RunningProxy> {
  const refused = currentRuntime() === 'bun' ? bunRefusals(config) : [];
  if (refused.length > 0) throw new ConfigError(refused, 'proxy config (on Bun)');
  const stdoutLog = opts.log ? undefined : createLineBuffer((chunk) => process.stdout.write(chunk));
  const log = opts.log ?? ((line: string) => stdoutLog?.write(line));
  // circuits report their transitions to the state store, which needs the metrics, which read the circuits
  const health = new HealthTracker(config.health, Date.now, (backend, change) => state.shareCircuit(backend, change));
  const profiles = new BackendProfiles(config.backends, log);
  const metrics = createMetrics(health, config.backends.map((b) => b.name), profiles);
  const state = await createState(config, { log, registry: metrics.registry });
  const ctx: ProxyContext = {
    config,
    health,
    limiter: state.limits,
    state,
    drain: new Drain(),
    pools: new UpstreamPools(config.backends),
    metrics,
    denyInput: compilePatterns(config.safety.denyInput ?? []),
    denyOutput: compilePatterns(config.safety.denyOutput ?? []),
    secrets: config.backends.flatMap((b) => (b.apiKey ? [b.apiKey] : [])),
    startedAt: Math.floor(Date.now() / 1000),
    log,
    inflight: 0,
    profiles,
    apis: new BackendApis(config.backends, profiles),
    routes: buildRoutes(opts.endpoints),
  };
  let front: HttpFront;
  try {
    front = await startFront({ config, handler: requestHandler(ctx), servedPaths: servedPaths(ctx.routes) });
  } catch (error) {
    // the Redis connection, already reconnecting in the background, would keep the process alive
    await state.close();
    await ctx.pools.close();
    throw error;
  }
  state.follow(health);
  const probes = startProbes(config, health, undefined, { profiles }, (intervalMs) => state.claimProbeRound(intervalMs));
  await settleWithin(probes.firstRound, IDENTIFY_WAIT_MS);
  const { port } = front;
  let stopping: Promise<void> | undefined;
  const release = async (closed: Promise<void>) => {
    front.closeConnections();
    await ctx.pools.close();
    await closed;
    await state.close();
    stdoutLog?.close();
  };
  return {
    url: `${config.listen.tls ? 'https' : 'http'}://${hostForUrl(config.listen.host)}:${port}`,
    port,
    metrics: metrics.registry,
    shutdown() {
      stopping ??= (async () => {
        probes.stop();
        const closed = front.stopAccepting();
        await ctx.drain.run(config.shutdown.drainMs);
        await release(closed);
      })();
      return stopping;
    },
    close() {
      stopping ??= (async () => {
        probes.stop();
        await release(front.close());
      })();
      return stopping;
    },
  };
}

/** A host a client can connect to: wildcard listens are reached on loopback. */
function hostForUrl(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
