// The proxy's routes: each endpoint of the registry (the same chain for every one, core/), the
// model list, probes and metrics. `limited` routes count towards limits.maxConcurrent; probes and
// metrics stay answerable under load.
import type { Exchange, ProxyContext } from '../core/context.ts';
import { serveEndpoint } from '../core/serve-endpoint.ts';
import { ENDPOINTS } from '../endpoints/registry.ts';
import { handleModel, handleModels } from './models.ts';
import { handleHealthz, handleMetrics, handleReadyz } from './probes.ts';

export interface Route {
  path: string;
  method: 'GET' | 'POST' | 'DELETE';
  limited: boolean;
  /** the route serves every path under `path` (which then ends in "/"), e.g. /v1/models/{id} */
  prefix?: boolean;
  handle(ctx: ProxyContext, ex: Exchange): Promise<void>;
}

export const ROUTES: readonly Route[] = [
  ...ENDPOINTS.flatMap((e): Route[] => [{ path: e.path, method: 'POST', limited: true, handle: serveEndpoint(e) }, ...(e.routes ?? [])]),
  { path: '/v1/models', method: 'GET', limited: true, handle: handleModels },
  { path: '/v1/models/', method: 'GET', limited: true, prefix: true, handle: handleModel },
  { path: '/healthz', method: 'GET', limited: false, handle: handleHealthz },
  { path: '/readyz', method: 'GET', limited: false, handle: handleReadyz },
  { path: '/metrics', method: 'GET', limited: false, handle: handleMetrics },
];

const matches = (r: Route, path: string) => (r.prefix ? path.startsWith(r.path) && path.length > r.path.length : r.path === path);

/** The route for a path and method; for a path served with other methods only, one of those (the server answers 405). */
export function routeFor(path: string, method?: string): Route | undefined {
  let found: Route | undefined;
  for (const r of ROUTES) {
    if (!matches(r, path)) continue;
    if (r.method === method) return r;
    found ??= r;
  }
  return found;
}

/** Every method a path is served with, for the Allow header of a 405. */
export function allowedMethods(path: string): string {
  return ROUTES.filter((r) => matches(r, path)).map((r) => r.method).join(', ');
}
