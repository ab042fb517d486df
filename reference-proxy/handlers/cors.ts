// CORS is off unless origins are configured: a proxy holding cloud keys should not be callable
// from any web page by default.
import type { ProxyRequest, ProxyResponse } from '../runtime/http-types.ts';

/** Sets CORS headers for an allowed origin; answers a preflight and returns true when it did. */
export function applyCors(origins: readonly string[] | undefined, req: ProxyRequest, res: ProxyResponse): boolean {
  if (!origins) return false;
  const origin = req.header('origin');
  if (origin === undefined) return false;
  const allowed = origins.includes('*') || origins.includes(origin);
  if (!allowed) return false;
  res.setHeader('access-control-allow-origin', origins.includes('*') ? '*' : origin);
  res.setHeader('vary', 'Origin');
  res.setHeader('access-control-expose-headers', 'x-request-id, retry-after');
  if (req.method !== 'OPTIONS') return false;
  const asked = req.header('access-control-request-headers');
  res.send(
    204,
    {
      'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
      'access-control-allow-headers': asked ?? 'authorization, content-type',
      'access-control-max-age': '600',
    },
    '',
  );
  return true;
}
