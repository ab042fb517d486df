// The proxy's routes: each endpoint of the registry (the same chain for every one, core/), the
// model list, probes and metrics. `limited` routes count towards limits.maxConcurrent; probes and
// metrics stay answerable under load.
import type { Exchange, ProxyContext } from '../core/context.ts';
import { serveEndpoint } from '../core/serve-endpoint.ts';
import type { Endpoint, EndpointRequest } from '../core/endpoint.ts';
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

/** The routes of a proxy serving `endpoints` (the registry's, unless an embedder brings its own). */
export function buildRoutes(endpoints: readonly Endpoint<EndpointRequest>[] = ENDPOINTS): readonly Route[] {
  return [
    ...endpoints.flatMap((e): Route[] => [{ path: e.path, method: 'POST', limited: true, handle: serveEndpoint(e) }, ...(e.routes ?? [])]),
    { path: '/v1/models', method: 'GET', limited: true, handle: handleModels },
    { path: '/v1/models/', method: 'GET', limited: true, prefix: true, handle: handleModel },
    { path: '/healthz', method: 'GET', limited: false, handle: handleHealthz },
    { path: '/readyz', method: 'GET', limited: false, handle: handleReadyz },
    { path: '/metrics', method: 'GET', limited: false, handle: handleMetrics },
  ];
}

export const ROUTES = buildRoutes();

const matches = (r: Route, path: string) => (r.prefix ? path.startsWith(r.path) && path.length > r.path.length : r.path === path);

/** The route for a path and method; for a path served with other methods only, one of those (the server answers 405). */
export function routeFor(path: string, method?: string, routes: readonly Route[] = ROUTES): Route | undefined {
  let found: Route | undefined;
  for (const r of routes) {
    if (!matches(r, path)) continue;
    if (r.method === method) return r;
    found ??= r;
  }
  return found;
}

/** Every method a path is served with, for the Allow header of a 405. */
export function allowedMethods(path: string, routes: readonly Route[] = ROUTES): string {
  return routes.filter((r) => matches(r, path)).map((r) => r.method).join(', ');
}

/** The API paths, for messages naming what the proxy serves. */
export function servedPaths(routes: readonly Route[] = ROUTES): string {
  return routes.filter((r) => r.path.startsWith('/v1/') && !r.prefix).map((r) => r.path).join(', ');
}
