// An attempt sent as several copies at once (UpstreamCall.copies), its answers merged by the
// endpoint: how the proxy honours `n > 1` on backends that answer one choice (F37).
import { callUpstream, readText, type UpstreamResponse } from '../upstream/call.ts';
import { answerBody } from './answer-body.ts';
import { failure, type Attempt, type AttemptOutcome } from './attempt.ts';
import type { UpstreamCall } from './endpoint.ts';

export async function attemptCopies(a: Attempt, call: UpstreamCall, onStatus: (up: UpstreamResponse) => Promise<AttemptOutcome>): Promise<AttemptOutcome> {
  const { backend } = a.candidate;
  const pool = a.ctx.pools.get(backend.name);
  const options = { attempt: a.signal, requestId: a.ex.record.requestId, stream: false };
  const ups = await Promise.all(Array.from({ length: call.copies ?? 1 }, () => callUpstream(pool, backend, call.path, call.body, options)));
  const bad = ups.find((up) => up.status < 200 || up.status >= 300);
  if (bad) {
    await Promise.all(ups.filter((up) => up !== bad).map((up) => up.body.dump()));
    return onStatus(bad);
  }
  const texts = await Promise.all(ups.map((up) => readText(up, a.signal)));
  const merged = a.endpoint.merge?.(texts);
  return merged === undefined ? failure('malformed', `an answer was not a ${a.endpoint.name} answer`) : answerBody(a, merged);
}
