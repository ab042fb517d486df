// Liveness, readiness and metrics. /healthz answers while the process runs; /readyz only while
// some backend can take traffic and the proxy is not shutting down, so a load balancer stops
// sending requests that can only fail. /readyz also tells whether shared state (Redis) answers.
import { ProxyError } from '../errors.ts';
import type { Exchange, ProxyContext } from '../core/context.ts';
import { sendError, sendJson } from './respond.ts';

export async function handleHealthz(_ctx: ProxyContext, ex: Exchange): Promise<void> {
  sendJson(ex.res, 200, { status: 'ok' });
}

export async function handleReadyz(ctx: ProxyContext, ex: Exchange): Promise<void> {
  if (ctx.drain.draining) {
    sendError(ex.res, new ProxyError(503, 'The proxy is shutting down; send new requests to another replica.', { code: 'shutting_down' }));
    return;
  }
  const available = ctx.config.backends.filter((b) => ctx.health.isAvailable(b.name)).map((b) => b.name);
  if (available.length > 0) {
    sendJson(ex.res, 200, { status: 'ready', available, backends: backendDetail(ctx), state: ctx.state.status() });
    return;
  }
  sendError(ex.res, new ProxyError(503, 'No backend is available: every circuit is open. Check the backends; traffic resumes after their cooldown.', {
    code: 'no_backend_available',
  }));
}

/** Per backend: its circuit, the profile it is served with (configured, or identified and how) and the APIs it serves. */
function backendDetail(ctx: ProxyContext): Array<Record<string, unknown>> {
  return ctx.profiles.snapshot().map(({ backend, profile, version, source, via }) => ({
    name: backend,
    circuit: ctx.health.state(backend),
    profile,
    ...(version ? { version } : {}),
    source,
    ...(via ? { via } : {}),
    apis: [...ctx.apis.get(backend)],
  }));
}

export async function handleMetrics(ctx: ProxyContext, ex: Exchange): Promise<void> {
  const text = await ctx.metrics.registry.metrics();
  ex.res.send(200, { 'content-type': ctx.metrics.registry.contentType }, text);
}
