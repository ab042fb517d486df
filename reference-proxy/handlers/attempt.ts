// One try of one candidate, and the outcomes the attempt loop acts on.
import { normalizeRequest, type Repairs } from '../normalize/index.ts';
import { applySafetyPrompt } from '../safety/safety.ts';
import type { Candidate, ErrorBody, QuirkProfile } from '../types.ts';
import type { Usage } from '../observe/metrics.ts';
import type { AttemptSignal } from '../upstream/attempt-signal.ts';
import type { UpstreamErrorKind } from '../upstream/classify-error.ts';
import type { Exchange, ProxyContext } from './context.ts';
import type { ChatRequest } from './validate-chat.ts';

export interface Attempt {
  ctx: ProxyContext;
  ex: Exchange;
  /** the client's request as it arrived */
  request: ChatRequest;
  candidate: Candidate;
  signal: AttemptSignal;
  /** validate json_object / json_schema output before it reaches the client */
  guard: boolean;
  /** the backend's profile when the attempt began (configured, or identified: generic until then) */
  profile: QuirkProfile;
  /** every repair this attempt made, for the repairs metric and the log line */
  repairs: Repairs;
}

export type AttemptOutcome =
  | {
      kind: 'served';
      usage?: Usage;
      /** the stream broke after the first byte; the client got an error event */
      streamFailed?: UpstreamErrorKind | 'stream_error' | 'truncated' | 'malformed';
    }
  | Failure
  | { kind: 'rejected'; status: number; body: ErrorBody }
  | { kind: 'aborted' };

/** Nothing reached the client: the loop may try the next candidate. */
export interface Failure {
  kind: 'failed';
  /** short label for logs and metrics: connect, timeout, reset, malformed, guard, upstream_auth, status_503, ... */
  reason: string;
  /** words for the final error message */
  detail: string;
  /** whether this failure says the backend is unhealthy (a guard failure does not) */
  unhealthy: boolean;
  /** the upstream's own error, when it answered with an HTTP error status */
  upstream?: { status: number; body: ErrorBody; retryAfter?: string };
}

export function failure(reason: string, detail: string, extra: Partial<Failure> = {}): Failure {
  return { kind: 'failed', reason, detail, unhealthy: true, ...extra };
}

/** The body sent upstream: the candidate's model name, the profile's fixes, the safety prompt. */
export function upstreamBody(a: Attempt): unknown {
  const body = normalizeRequest({ ...a.request, model: a.candidate.model }, a.profile, a.repairs);
  const prompt = a.ctx.config.safety.systemPrompt;
  return prompt ? applySafetyPrompt(body, prompt) : body;
}

/** Records the first byte sent to the client (time to first token). */
export function markFirstByte(a: Attempt): void {
  const ms = performance.now() - a.ex.startedMs;
  a.ex.record.ttftMs = Math.round(ms);
  a.ctx.metrics.ttft.observe({ backend: a.candidate.backend.name }, ms / 1000);
}
