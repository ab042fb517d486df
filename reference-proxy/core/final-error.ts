// What the client hears when every attempt failed. An upstream's own HTTP error is passed on
// (normalised) so e.g. a 429 keeps its meaning and Retry-After; otherwise a proxy error that
// names the backends tried and what to do.
import type { ErrorBody } from '../types.ts';
import type { Failure } from './attempt.ts';

export interface TriedFailure extends Failure {
  backend: string;
}

export function finalError(failures: readonly TriedFailure[]): { status: number; body: ErrorBody; headers: Record<string, string> } {
  const last = failures.at(-1);
  if (last?.upstream) {
    const headers: Record<string, string> = last.upstream.status === 429 && last.upstream.retryAfter ? { 'retry-after': last.upstream.retryAfter } : {};
    return { status: last.upstream.status, body: last.upstream.body, headers };
  }
  const tried = failures.map((f) => `${f.backend}: ${f.detail}`).join('; ');
  if (failures.length > 0 && failures.every((f) => f.reason === 'guard')) {
    return envelope(502, 'output_validation_failed', `No backend produced output matching the requested response_format (${tried}). Retry, or simplify the schema.`);
  }
  if (last?.reason === 'timeout') {
    return envelope(504, 'upstream_timeout', `No backend answered in time (${tried}). Retry later, or raise the backends' timeouts.`);
  }
  if (last?.reason === 'upstream_auth') {
    return envelope(502, 'upstream_auth_failed', `A backend rejected the proxy's credentials (${tried}). The proxy operator must fix that backend's apiKey.`);
  }
  return envelope(502, 'upstream_unavailable', `No backend could answer (${tried || 'no candidates'}). Check that the backends are running, or retry later.`);
}

function envelope(status: number, code: string, message: string) {
  return { status, body: { error: { message, type: 'server_error', param: null, code } }, headers: {} };
}
