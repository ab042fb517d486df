// Sends the request to one candidate and sorts what happened into an AttemptOutcome.
import { isRetryable } from '../health/retry.ts';
import { fanOutCount, normalizeError } from '../normalize/index.ts';
import { redactSecrets } from '../observe/redact.ts';
import { callChat, headerValue, readText, UpstreamFailure, type UpstreamResponse } from '../upstream/call.ts';
import { describeKind } from '../upstream/classify-error.ts';
import { failure, upstreamBody, type Attempt, type AttemptOutcome } from './attempt.ts';
import { attemptFanOut } from './attempt-fan-out.ts';
import { attemptJson } from './attempt-json.ts';
import { attemptStream } from './attempt-stream.ts';

export async function attemptOnce(a: Attempt): Promise<AttemptOutcome> {
  const { backend } = a.candidate;
  try {
    const n = fanOutCount(a.request, a.profile);
    if (n > 1) {
      a.repairs.add('n_fanned_out');
      return await attemptFanOut(a, n, (up) => statusOutcome(a, up));
    }
    const up = await callChat(a.ctx.pools.get(backend.name), backend, upstreamBody(a), {
      attempt: a.signal,
      requestId: a.ex.record.requestId,
      stream: a.request.stream === true,
    });
    if (up.status < 200 || up.status >= 300) return await statusOutcome(a, up);
    return a.request.stream === true ? await attemptStream(a, up) : await attemptJson(a, up);
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
