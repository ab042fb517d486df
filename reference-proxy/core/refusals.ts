// Candidates whose backend is known to ignore or reject something the request asks (an endpoint's
// `refuse`) are left out of the plan before any is tried; when none is left, the client gets the
// first refusal — a 4xx naming the parameter — instead of a silently wrong answer.
import type { Candidate } from '../types.ts';
import type { ProxyContext } from './context.ts';
import type { Endpoint, EndpointRequest } from './endpoint.ts';

export function withoutRefused<R extends EndpointRequest>(ctx: ProxyContext, endpoint: Endpoint<R>, request: R, candidates: Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  let first: Error | undefined;
  for (const candidate of candidates) {
    const known = ctx.profiles.get(candidate.backend.name);
    const target = { candidate, profile: known?.profile ?? 'generic', version: known?.version, apis: ctx.apis.get(candidate.backend.name) };
    const refusal = endpoint.refuse?.(request, target);
    if (refusal) first ??= refusal;
    else kept.push(candidate);
  }
  if (kept.length === 0 && first) throw first;
  return kept;
}
