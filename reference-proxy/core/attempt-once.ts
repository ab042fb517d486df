// Sends the request to one candidate and sorts what happened into an AttemptOutcome: an HTTP
// error status by the retry policy, a 2xx answer by its endpoint (whole, or relayed as a stream).
import { isRetryable } from '../health/retry.ts';
import { normalizeError } from '../normalize/index.ts';
import { redactSecrets } from '../observe/redact.ts';
import { callUpstream, headerValue, readText, UpstreamFailure, type UpstreamResponse } from '../upstream/call.ts';
import { describeKind } from '../upstream/classify-error.ts';
import { answerBody } from './answer-body.ts';
import { failure, type Attempt, type AttemptOutcome } from './attempt.ts';
import { attemptCopies } from './fan-out.ts';
import { relayStream } from './relay-stream.ts';

export async function attemptOnce(a: Attempt): Promise<AttemptOutcome> {
  const { backend } = a.candidate;
  try {
    const made = a.endpoint.upstream(a);
    const call = made instanceof Promise ? await made : made;
    if (call.copies !== undefined && call.copies > 1) return await attemptCopies(a, call, (up) => statusOutcome(a, up));
    const up = await callUpstream(a.ctx.pools.get(backend.name), backend, call.path, call.body, {
      attempt: a.signal,
      requestId: a.ex.record.requestId,
      stream: call.stream,
    });
    if (up.status < 200 || up.status >= 300) return await statusOutcome(a, up);
    return call.stream ? await relayStream(a, up) : answerBody(a, await readText(up, a.signal));
  } catch (error) {
    if (!(error instanceof UpstreamFailure)) throw error;
    return error.kind === 'aborted' ? { kind: 'aborted' } : failure(error.kind, describeKind(error.kind));
  }
}

async function statusOutcome(a: Attempt, up: UpstreamResponse): Promise<AttemptOutcome> {
  const text = redactSecrets(await readText(up, a.signal), a.ctx.secrets);
  const { status, body } = normalizeError(up.status, text, a.repairs);
  // The backend refused the proxy's own credentials: the client's request is fine, so a 401
  // would mislead it; try elsewhere and report a proxy-side problem if nothing else works.
  if (up.status === 401 || up.status === 403) {
    return failure('upstream_auth', `rejected the proxy's credentials (HTTP ${up.status})`);
  }
  if (isRetryable({ status: up.status }, a.ctx.config.retry)) {
    return failure(`status_${up.status}`, `HTTP ${up.status}`, {
      upstream: { status, body, retryAfter: headerValue(up.headers, 'retry-after') },
    });
  }
  return { kind: 'rejected', status, body };
}
