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
