// Asks an endpoint what it does serve when a run's answers show a user mistake (mistakes.ts):
// the models it lists, or a nearby base URL that answers as an API. A probe that fails only
// leaves the hint less specific; it never fails the run.
import type { TargetResult } from '../types.ts';
import { candidateBaseUrls, modelIds, type Mistake, type ProbeFacts } from './mistakes.ts';

const PROBE_TIMEOUT_MS = 5_000;

export async function probe(m: Mistake, t: TargetResult): Promise<ProbeFacts> {
  const headers = probeHeaders(t);
  if (m.kind === 'unknown-model') {
    const listed = t.exchanges.find((x) => x.scenario === 'models.list' && x.status === 200);
    return { models: (listed && modelIds(listed.bodyText)) ?? (await listModels(t.baseUrl, headers)) };
  }
  for (const candidate of candidateBaseUrls(t.baseUrl)) {
    if ((await listModels(candidate, headers)) !== undefined) return { workingBaseUrl: candidate };
  }
  return {};
}

/** The headers the run sent (its key and extra headers included), for a GET. */
function probeHeaders(t: TargetResult): Record<string, string> {
  const { 'content-type': _type, accept: _accept, ...rest } = t.exchanges[0]?.request.headers ?? {};
  return { ...rest, accept: 'application/json' };
}

async function listModels(baseUrl: string, headers: Record<string, string>): Promise<string[] | undefined> {
  try {
    const res = await fetch(`${baseUrl}/models`, { headers, signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    return res.ok ? modelIds(await res.text()) : undefined;
  } catch {
    return undefined;
  }
}
