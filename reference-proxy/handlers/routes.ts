// The proxy's routes. `limited` routes count towards limits.maxConcurrent; probes and metrics
// stay answerable under load.
import type { Exchange, ProxyContext } from './context.ts';
import { handleChat } from './chat.ts';
import { handleModel, handleModels } from './models.ts';
import { handleHealthz, handleMetrics, handleReadyz } from './probes.ts';

export interface Route {
  path: string;
  method: 'GET' | 'POST';
  limited: boolean;
  /** the route serves every path under `path` (which then ends in "/"), e.g. /v1/models/{id} */
  prefix?: boolean;
  handle(ctx: ProxyContext, ex: Exchange): Promise<void>;
}

export function routeFor(path: string): Route | undefined {
  return ROUTES.find((r) => (r.prefix ? path.startsWith(r.path) && path.length > r.path.length : r.path === path));
}

export const ROUTES: readonly Route[] = [
  { path: '/v1/chat/completions', method: 'POST', limited: true, handle: handleChat },
  { path: '/v1/models', method: 'GET', limited: true, handle: handleModels },
  { path: '/v1/models/', method: 'GET', limited: true, prefix: true, handle: handleModel },
  { path: '/healthz', method: 'GET', limited: false, handle: handleHealthz },
  { path: '/readyz', method: 'GET', limited: false, handle: handleReadyz },
  { path: '/metrics', method: 'GET', limited: false, handle: handleMetrics },
];
