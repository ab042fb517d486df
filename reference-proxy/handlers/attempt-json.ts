// A non-streamed answer: read it whole, fix it for the profile, check it, then send it. Nothing
// reaches the client until it passed, so every problem here can still fail over.
import { guardOutput } from '../guard/output-guard.ts';
import { needsNormalization, normalizeCompletion } from '../normalize/index.ts';
import { readText, type UpstreamResponse } from '../upstream/call.ts';
import { failure, markFirstByte, type Attempt, type AttemptOutcome } from './attempt.ts';
import { applyOutputDeny } from './output-deny.ts';
import { sendText } from './respond.ts';

export async function attemptJson(a: Attempt, up: UpstreamResponse): Promise<AttemptOutcome> {
  return serveCompletion(a, await readText(up, a.signal));
}

/** Checks, fixes and sends one complete chat completion body (the upstream's text). */
export async function serveCompletion(a: Attempt, text: string): Promise<AttemptOutcome> {
  let completion: any;
  try {
    completion = JSON.parse(text);
  } catch {
    return failure('malformed', 'the answer was not valid JSON');
  }
  if (!Array.isArray(completion?.choices)) return failure('malformed', 'the answer had no choices');
  const normalize = needsNormalization(a.profile);
  if (normalize) completion = normalizeCompletion(completion, { profile: a.profile, request: a.request, repairs: a.repairs });
  if (a.guard) {
    const verdict = guardOutput(a.request, completion.choices[0]?.message?.content ?? null);
    if (!verdict.ok) return failure('guard', `output did not match response_format: ${verdict.reason}`, { unhealthy: false });
  }
  const filtered = applyOutputDeny(completion, a.ctx.denyOutput);
  markFirstByte(a);
  sendText(a.ex.res, 200, normalize || filtered ? JSON.stringify(completion) : text);
  return { kind: 'served', usage: completion.usage ?? undefined };
}
