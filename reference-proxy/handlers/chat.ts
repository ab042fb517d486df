// POST /v1/chat/completions: who is asking, may they, is the request acceptable, where does it
// go — then the attempt loop does the rest.
import type { IncomingHttpHeaders } from 'node:http';
import { authenticate, authorizeModel } from '../auth/authenticate.ts';
import { rateLimitError } from '../auth/rate-limit.ts';
import { ProxyError } from '../errors.ts';
import { planRoute } from '../routing/plan.ts';
import { estimatePromptTokens } from '../routing/estimate-tokens.ts';
import { checkInput } from '../safety/safety.ts';
import { runAttempts } from './attempt-loop.ts';
import type { Exchange, ProxyContext } from './context.ts';
import { readJsonBody } from './read-body.ts';
import { validateChatRequest, type ChatRequest } from './validate-chat.ts';

export async function handleChat(ctx: ProxyContext, ex: Exchange): Promise<void> {
  const key = ctx.config.auth ? authenticate(ex.req.headers.authorization, ctx.config.auth.keys) : undefined;
  const request = validateChatRequest(await readJsonBody(ex.req, ctx.config.limits.maxBodyBytes));
  ex.record.publicModel = request.model;
  ex.record.stream = request.stream === true;
  if (key) {
    authorizeModel(key, request.model);
    const verdict = await ctx.limiter.take(key, estimatePromptTokens(request));
    if (!verdict.ok) throw rateLimitError(key, verdict);
  }
  checkSafety(ctx, request);
  const plan = planRoute(ctx.config, { body: request, headers: flatHeaders(ex.req.headers) }, ctx.health);
  ex.record.rule = plan.rule;
  await runAttempts(ctx, ex, request, plan);
  // the completion is only known now: it counts against the key's tokens per minute too
  if (key && ex.record.tokens) ctx.limiter.charge(key, ex.record.tokens.completion);
}

function checkSafety(ctx: ProxyContext, request: ChatRequest): void {
  if (ctx.denyInput.length === 0) return;
  const verdict = checkInput(request, ctx.denyInput);
  if (verdict.ok) return;
  throw new ProxyError(400, 'Your request was rejected by the content policy of this proxy. Rephrase the request and try again.', {
    param: 'messages',
    code: 'content_policy_violation',
  });
}

function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
