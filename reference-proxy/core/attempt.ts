// One try of one candidate, and the outcomes the attempt loop acts on.
import type { Repairs } from '../normalize/index.ts';
import type { Usage } from '../observe/metrics.ts';
import type { Api, Candidate, ErrorBody, QuirkProfile } from '../types.ts';
import type { AttemptSignal } from '../upstream/attempt-signal.ts';
import type { UpstreamErrorKind } from '../upstream/classify-error.ts';
import type { Exchange, ProxyContext } from './context.ts';
import type { Endpoint, EndpointRequest } from './endpoint.ts';

export interface Attempt<R extends EndpointRequest = EndpointRequest> {
  ctx: ProxyContext;
  ex: Exchange;
  endpoint: Endpoint<R>;
  /** the client's request as it arrived (validated) */
  request: R;
  candidate: Candidate;
  signal: AttemptSignal;
  /** the backend's profile when the attempt began (configured, or identified: generic until then) */
  profile: QuirkProfile;
  /** the version the backend reported when it was identified, if any */
  version?: string;
  /** the APIs the backend serves now */
  apis: ReadonlySet<Api>;
  /** how the backend answers this endpoint (Endpoint.via), e.g. "native" */
  via: string;
  /** every repair this attempt made, for the repairs metric and the log line */
  repairs: Repairs;
}

export interface Served {
  kind: 'served';
  usage?: Usage;
  /** the stream broke after the first byte; the client got an error event */
  streamFailed?: UpstreamErrorKind | 'stream_error' | 'truncated' | 'malformed';
}

export type AttemptOutcome = Served | Failure | { kind: 'rejected'; status: number; body: ErrorBody } | { kind: 'aborted' };

/** Nothing reached the client: the loop may try the next candidate. */
export interface Failure {
  kind: 'failed';
  /** short label for logs and metrics: connect, timeout, reset, malformed, guard, upstream_auth, status_503, ... */
  reason: string;
  /** words for the final error message */
  detail: string;
  /** whether this failure says the backend is unhealthy (a guard failure does not) */
  unhealthy: boolean;
  /** the candidate cannot serve this request however often it is asked: it is not tried again */
  final?: boolean;
  /** the upstream's own error, when it answered with an HTTP error status (or the client error a refusal stands for) */
  upstream?: { status: number; body: ErrorBody; retryAfter?: string };
}

export function failure(reason: string, detail: string, extra: Partial<Failure> = {}): Failure {
  return { kind: 'failed', reason, detail, unhealthy: true, ...extra };
}

/** A whole answer's JSON, or the Failure (fail over) for a body that is not JSON. */
export function parseAnswer(text: string): { json: any } | Failure {
  try {
    return { json: JSON.parse(text) };
  } catch {
    return failure('malformed', 'the answer was not valid JSON');
  }
}

/** Records the first byte sent to the client (time to first token). */
export function markFirstByte(a: Attempt): void {
  const ms = performance.now() - a.ex.startedMs;
  a.ex.record.ttftMs = Math.round(ms);
  a.ctx.metrics.ttft.observe({ backend: a.candidate.backend.name }, ms / 1000);
}
