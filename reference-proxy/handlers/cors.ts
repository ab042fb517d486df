// CORS is off unless origins are configured: a proxy holding cloud keys should not be callable
// from any web page by default.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Sets CORS headers for an allowed origin; answers a preflight and returns true when it did. */
export function applyCors(origins: readonly string[] | undefined, req: IncomingMessage, res: ServerResponse): boolean {
  const origin = req.headers.origin;
  if (!origins || origin === undefined) return false;
  const allowed = origins.includes('*') || origins.includes(origin);
  if (!allowed) return false;
  res.setHeader('access-control-allow-origin', origins.includes('*') ? '*' : origin);
  res.setHeader('vary', 'Origin');
  res.setHeader('access-control-expose-headers', 'x-request-id, retry-after');
  if (req.method !== 'OPTIONS') return false;
  res.writeHead(204, {
    'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
    'access-control-allow-headers': req.headers['access-control-request-headers'] ?? 'authorization, content-type',
    'access-control-max-age': '600',
  });
  res.end();
  return true;
}
