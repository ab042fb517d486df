// Tries the plan's candidates in order until one serves the request or the attempts run out.
// Moving to a different backend is immediate; trying a backend again (a short chain, or one
// backend) waits the policy's backoff, honouring the last Retry-After.
import { setTimeout as sleep } from 'node:timers/promises';
import { backoffMs } from '../health/retry.ts';
import type { Repairs } from '../normalize/index.ts';
import { recordRepairs, recordServed } from '../observe/metrics.ts';
import type { Candidate } from '../types.ts';
import { AttemptSignal } from '../upstream/attempt-signal.ts';
import { sendEnvelope } from '../handlers/respond.ts';
import type { AttemptOutcome } from './attempt.ts';
import { attemptOnce } from './attempt-once.ts';
import type { Exchange, ProxyContext } from './context.ts';
import type { Endpoint, EndpointRequest } from './endpoint.ts';
import { finalError, type TriedFailure } from './final-error.ts';

export async function runAttempts<R extends EndpointRequest>(
  ctx: ProxyContext,
  ex: Exchange,
  endpoint: Endpoint<R>,
  request: R,
  candidates: Candidate[],
): Promise<void> {
  const policy = ctx.config.retry;
  const failures: TriedFailure[] = [];
  const tried = new Set<string>();
  let pool = candidates;
  // `next` indexes the pool round-robin; a candidate dropped from the pool leaves it where it was
  for (let i = 0, next = 0; i < policy.attempts && pool.length > 0; i++, next++) {
    const candidate = pool[next % pool.length];
    if (tried.has(candidate.backend.name)) {
      const retryAfter = policy.honourRetryAfter ? failures.at(-1)?.upstream?.retryAfter : undefined;
      if (!(await wait(backoffMs(i, policy, retryAfter), ex.clientSignal))) return;
    }
    if (ex.aborted) return;
    tried.add(candidate.backend.name);
    const outcome = await tryCandidate(ctx, ex, endpoint, request, candidate);
    if (outcome.kind !== 'failed') return;
    failures.push({ ...outcome, backend: candidate.backend.name });
    if (outcome.final) {
      pool = pool.filter((c) => c !== candidate);
      next--;
    }
    if (i + 1 < policy.attempts && pool.length > 0) {
      ex.record.failovers.push(outcome.reason);
      ctx.metrics.failovers.inc({ reason: outcome.reason });
    }
  }
  const error = finalError(failures);
  ex.record.error = error.body.error.code ?? undefined;
  sendEnvelope(ex.res, error.status, error.body, error.headers);
}

/** Runs one attempt with its bookkeeping; answers the client unless the outcome is 'failed'. */
async function tryCandidate<R extends EndpointRequest>(
  ctx: ProxyContext,
  ex: Exchange,
  endpoint: Endpoint<R>,
  request: R,
  candidate: Candidate,
): Promise<AttemptOutcome> {
  const { backend } = candidate;
  ex.record.attempts++;
  ex.record.backend = backend.name;
  ex.record.model = candidate.model;
  ctx.metrics.attempts.inc({ backend: backend.name });
  const known = ctx.profiles.get(backend.name);
  const profile = known?.profile ?? 'generic';
  const version = known?.version;
  ex.record.profile = profile;
  const apis = ctx.apis.get(backend.name);
  const repairs: Repairs = new Set();
  const signal = new AttemptSignal(backend.timeouts.totalMs);
  if (ex.aborted) signal.clientGone();
  ex.stopUpstream = () => signal.clientGone();
  ctx.health.begin(backend.name);
  let outcome: AttemptOutcome;
  try {
    // routing only plans candidates whose APIs the endpoint can use
    const via = endpoint.via(apis) ?? '';
    outcome = await attemptOnce({ ctx, ex, endpoint, request, candidate, signal, profile, version, apis, via, repairs });
  } finally {
    ctx.health.end(backend.name);
    ex.stopUpstream = undefined;
    signal.dispose();
    noteRepairs(ctx, ex, backend.name, repairs);
  }
  settle(ctx, ex, endpoint.name, candidate, outcome);
  return outcome;
}

/** Counts an attempt's repairs for its backend and adds them to the request's log line. */
function noteRepairs(ctx: ProxyContext, ex: Exchange, backend: string, repairs: Repairs): void {
  if (repairs.size === 0) return;
  recordRepairs(ctx.metrics, backend, repairs);
  ex.record.repairs = [...new Set([...(ex.record.repairs ?? []), ...repairs])].sort();
}

function settle(ctx: ProxyContext, ex: Exchange, endpoint: string, candidate: Candidate, outcome: AttemptOutcome): void {
  const name = candidate.backend.name;
  if (outcome.kind === 'failed') {
    ctx.metrics.upstreamFailures.inc({ backend: name, reason: outcome.reason });
    if (outcome.unhealthy) ctx.health.recordFailure(name);
    return;
  }
  if (outcome.kind === 'rejected') {
    // The backend answered sensibly (a client error): healthy, and the client hears it as is.
    ctx.health.recordSuccess(name);
    ex.record.error = outcome.body.error.code ?? outcome.body.error.type;
    sendEnvelope(ex.res, outcome.status, outcome.body);
    return;
  }
  if (outcome.kind !== 'served') return;
  if (outcome.streamFailed) {
    ctx.health.recordFailure(name);
    ctx.metrics.upstreamFailures.inc({ backend: name, reason: outcome.streamFailed });
    ex.record.error = 'upstream_stream_failed';
  } else {
    ctx.health.recordSuccess(name);
  }
  recordServed(ctx.metrics, candidate.backend, endpoint, outcome.usage);
  if (outcome.usage) ex.record.tokens = { prompt: outcome.usage.prompt_tokens ?? 0, completion: outcome.usage.completion_tokens ?? 0 };
}

/** Sleeps unless the client goes away first; returns whether the client is still there. */
async function wait(ms: number, signal: AbortSignal): Promise<boolean> {
  try {
    await sleep(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}
