// Turns the many ways an upstream request can fail into the three the retry policy knows.
// "aborted" is the client going away: not the backend's fault, never counted against it.
// "too_large" is an answer over the proxy's size cap (upstream/call.ts), never a network error.

export type UpstreamErrorKind = 'connect' | 'timeout' | 'reset' | 'aborted' | 'too_large';

const CONNECT_CODES = new Set([
  'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT', 'CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'ERR_TLS_CERT_ALTNAME_INVALID',
]);
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

export function classifyUpstreamError(error: unknown, why: 'client' | 'timeout' | undefined): UpstreamErrorKind {
  if (why === 'timeout') return 'timeout';
  if (why === 'client') return 'aborted';
  const code = errorCode(error);
  if (code && CONNECT_CODES.has(code)) return 'connect';
  if (code && TIMEOUT_CODES.has(code)) return 'timeout';
  return 'reset';
}

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Words for logs and the final error message. */
export function describeKind(kind: UpstreamErrorKind): string {
  return { connect: 'could not connect', timeout: 'timed out', reset: 'connection failed', aborted: 'client went away', too_large: 'answer too large' }[kind];
}
