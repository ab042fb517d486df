// A clean "unsupported" answer — a 4xx carrying an error envelope that names one of the
// parameters the scenario exercises — makes a feature `skip`, not `fail` (OCI's errUnsupported).
import type { Exchange } from '../types.ts';

export function unsupportedReason(exchange: Exchange, featureParams: string[] | undefined): string | undefined {
  if (!featureParams?.length) return undefined;
  const status = exchange.status ?? 0;
  if (status < 400 || status >= 500) return undefined;
  const error = (exchange.json as { error?: unknown } | undefined)?.error;
  if (!error || typeof error !== 'object') return undefined;
  const { param, message } = error as { param?: unknown; message?: unknown };
  const text = `${typeof param === 'string' ? param : ''} ${typeof message === 'string' ? message : ''}`;
  const named = featureParams.find((p) => mentions(text, p));
  if (!named) return undefined;
  return `unsupported: the endpoint rejected \`${named}\` (HTTP ${status}: ${typeof message === 'string' ? message : 'no message'})`;
}

function mentions(text: string, param: string): boolean {
  return new RegExp(`(^|[^a-z_])${param.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^a-z_]|$)`, 'i').test(text);
}

/**
 * The server does not serve an optional endpoint at all: 404, 405 or 501, whatever the body (Gin
 * answers "404 page not found" as plain text, FastAPI {"detail":"Not Found"}), unless the error
 * says the model is unknown.
 */
export function endpointMissingReason(exchange: Exchange): string | undefined {
  const status = exchange.status ?? 0;
  if (![404, 405, 501].includes(status)) return undefined;
  if (/model_not_found|model .{0,80}(not found|does not exist)/i.test(exchange.bodyText.slice(0, 2000))) return undefined;
  const path = pathOf(exchange.request.url);
  return `unsupported: the endpoint does not serve ${exchange.request.method} ${path} (HTTP ${status}: ${exchange.bodyText.slice(0, 120).trim() || 'empty body'})`;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}
