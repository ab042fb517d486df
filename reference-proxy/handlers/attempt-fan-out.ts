// F37: some backends answer `n > 1` with a single choice. Asking them n times at once and
// merging the answers gives the client what OpenAI would: n choices, indices 0..n-1, one usage
// with the prompt counted once.
import { callChat, readText, type UpstreamResponse } from '../upstream/call.ts';
import type { Attempt, AttemptOutcome } from './attempt.ts';
import { failure, upstreamBody } from './attempt.ts';
import { serveCompletion } from './attempt-json.ts';

export async function attemptFanOut(
  a: Attempt,
  n: number,
  onStatus: (up: UpstreamResponse) => Promise<AttemptOutcome>,
): Promise<AttemptOutcome> {
  const { backend } = a.candidate;
  const { n: _n, ...body } = upstreamBody(a) as Record<string, unknown>;
  const pool = a.ctx.pools.get(backend.name);
  const ups = await Promise.all(
    Array.from({ length: n }, () => callChat(pool, backend, body, { attempt: a.signal, requestId: a.ex.record.requestId, stream: false })),
  );
  const bad = ups.find((up) => up.status < 200 || up.status >= 300);
  if (bad) {
    await Promise.all(ups.filter((up) => up !== bad).map((up) => up.body.dump()));
    return onStatus(bad);
  }
  const texts = await Promise.all(ups.map((up) => readText(up, a.signal)));
  const merged = mergeCompletions(texts);
  return merged === undefined ? failure('malformed', 'an answer was not a chat completion') : serveCompletion(a, merged);
}

/** One completion from several: the first one's envelope, every choice re-indexed, usage added up. */
export function mergeCompletions(texts: string[]): string | undefined {
  let parsed: any[];
  try {
    parsed = texts.map((t) => JSON.parse(t));
  } catch {
    return undefined;
  }
  if (!parsed.every((c) => Array.isArray(c?.choices))) return undefined;
  const [first] = parsed;
  const choices = parsed.flatMap((c) => c.choices).map((choice: object, index: number) => ({ ...choice, index }));
  const usage = parsed.every((c) => c.usage && typeof c.usage === 'object')
    ? {
        ...first.usage,
        completion_tokens: sum(parsed.map((c) => c.usage.completion_tokens)),
        total_tokens: (first.usage.prompt_tokens ?? 0) + sum(parsed.map((c) => c.usage.completion_tokens)),
      }
    : first.usage;
  return JSON.stringify({ ...first, choices, ...(usage ? { usage } : {}) });
}

function sum(values: unknown[]): number {
  return values.reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);
}
