// The chain every endpoint goes through, the same for each (the adapter only fills in what
// differs): who is asking, may they, is the request acceptable, where can it go — then the
// attempt loop does the rest, and the answer's tokens are charged to the caller's key.
import { authenticate, authorizeModel } from '../auth/authenticate.ts';
import { rateLimitError } from '../auth/rate-limit.ts';
import { ProxyError } from '../errors.ts';
import { readJsonBody } from '../handlers/read-body.ts';
import { lazy } from '../routing/match-rule.ts';
import { planRoute, type RouteScope } from '../routing/plan.ts';
import { checkTexts } from '../safety/safety.ts';
import type { Candidate } from '../types.ts';
import { runAttempts } from './attempt-loop.ts';
import type { Exchange, ProxyContext } from './context.ts';
import type { Endpoint, EndpointRequest } from './endpoint.ts';
import { withoutRefused } from './refusals.ts';
import { notServedError } from './unserved.ts';

export function serveEndpoint<R extends EndpointRequest>(endpoint: Endpoint<R>): (ctx: ProxyContext, ex: Exchange) => Promise<void> {
  return async (ctx, ex) => {
    ex.record.endpoint = endpoint.name;
    const key = ctx.config.auth ? authenticate(ex.req.header('authorization'), ctx.config.auth.keys) : undefined;
    const validated = endpoint.validate(await readJsonBody(ex.req, ctx.config.limits.maxBodyBytes), ctx, key);
    const request = validated instanceof Promise ? await validated : validated;
    ex.record.publicModel = request.model;
    ex.record.stream = endpoint.streams(request);
    const tokens = lazy(() => endpoint.promptTokens(request));
    if (key) {
      authorizeModel(key, request.model);
      const verdict = await ctx.limiter.take(key, tokens());
      if (!verdict.ok) throw rateLimitError(key, verdict);
    }
    if (ctx.denyInput.length > 0 && !checkTexts(endpoint.inputTexts(request), ctx.denyInput).ok) {
      throw new ProxyError(400, 'Your request was rejected by the content policy of this proxy. Rephrase the request and try again.', {
        param: endpoint.inputParam,
        code: 'content_policy_violation',
      });
    }
    // the headers are read only by a rule that names one (on Bun, reading them all is a copy)
    const req = ex.req;
    const plan = planRoute(ctx.config, { body: request, get headers() { return req.headers; } }, ctx.health, Math.random, scope(ctx, endpoint, request, tokens));
    ex.record.rule = plan.rule;
    const candidates = endpoint.refuse ? withoutRefused(ctx, endpoint, request, plan.candidates) : plan.candidates;
    await runAttempts(ctx, ex, endpoint, request, candidates);
    // the completion is only known now: it counts against the key's tokens per minute too
    if (key && ex.record.tokens) ctx.limiter.charge(key, ex.record.tokens.completion);
  };
}

/** Routing keeps the candidates whose backend serves an API this endpoint can use and whose model takes the request. */
function scope<R extends EndpointRequest>(ctx: ProxyContext, endpoint: Endpoint<R>, request: R, tokens: () => number): RouteScope {
  const accepts = endpoint.accepts(request);
  return {
    endpoint: endpoint.name,
    serves: (c: Candidate) => endpoint.via(ctx.apis.get(c.backend.name)) !== undefined && accepts(c),
    tokens,
    unserved: (model, candidates) => notServedError(ctx, endpoint, model, candidates),
  };
}
