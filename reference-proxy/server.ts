// Every request, whichever HTTP front carried it (runtime/): finds the route, enforces the
// server-wide limits, turns every thrown error into the OpenAI envelope, and writes one log line
// and the request metrics per request.
import { SHUTDOWN, shuttingDownError } from './drain.ts';
import { ProxyError } from './errors.ts';
import { ClientExchange } from './core/client-exchange.ts';
import type { Exchange, ProxyContext } from './core/context.ts';
import { applyCors } from './handlers/cors.ts';
import { sendError, toProxyError } from './handlers/respond.ts';
import { allowedMethods, routeFor, servedPaths, type Route } from './handlers/routes.ts';
import { requestIdFrom } from './observe/request-id.ts';
import { formatLogLine, newRecord } from './observe/request-log.ts';
import type { ProxyRequest, ProxyResponse, RequestHandler } from './runtime/http-types.ts';

export function requestHandler(ctx: ProxyContext): RequestHandler {
  return (req, res) => serveRequest(ctx, req, res);
}

async function serveRequest(ctx: ProxyContext, req: ProxyRequest, res: ProxyResponse): Promise<void> {
  const startedMs = performance.now();
  const url = req.url;
  const query = url.indexOf('?');
  const path = query < 0 ? url : url.slice(0, query);
  const record = newRecord(requestIdFrom(req.header('x-request-id')), req.method, path);
  res.setHeader('x-request-id', record.requestId);
  const ex = new ClientExchange(req, res, record, startedMs);
  const closed = new Promise<void>((resolve) =>
    res.onClose(() => {
      if (!res.finished) ex.abort();
      resolve();
    }),
  );
  if (applyCors(ctx.config.cors?.origins, req, res)) return;
  // while draining, a client still on a kept-alive connection is told to reconnect (elsewhere)
  if (ctx.drain.draining) res.setHeader('connection', 'close');
  const untrack = ctx.drain.track(ex);
  const route = routeFor(path, req.method, ctx.routes);
  const limited = route?.limited === true && route.method === req.method;
  if (limited) ctx.inflight++;
  try {
    await handle(ctx, ex, route);
  } catch (error) {
    // a request cut at the drain deadline is answered below, whatever its handler threw
    if (ex.stopReason !== SHUTDOWN) {
      if (!(error instanceof ProxyError)) ctx.log(JSON.stringify({ level: 'error', msg: 'handler failed', requestId: record.requestId, error: String(error) }));
      respondWithError(ex, toProxyError(error));
    }
  } finally {
    if (ex.stopReason === SHUTDOWN) endForShutdown(ex);
    if (!res.ended) res.end();
    await closed;
    untrack();
    if (limited) ctx.inflight--;
    finish(ctx, ex, route);
  }
}

/** Not async: the route's own promise is awaited by the caller, one promise fewer per request. */
function handle(ctx: ProxyContext, ex: Exchange, route: Route | undefined): Promise<void> {
  if (ex.req.header('host') === undefined && ex.req.httpVersion === '1.1') {
    throw new ProxyError(400, 'The request has no Host header, which HTTP/1.1 requires. Send one (any HTTP client does).', { code: 'bad_http_request' });
  }
  if (!route) {
    throw new ProxyError(404, `Invalid URL (${ex.req.method} ${ex.record.path}). This proxy serves ${servedPaths(ctx.routes)}.`, { code: 'unknown_url' });
  }
  if (route.method !== ex.req.method) {
    const allow = allowedMethods(ex.record.path, ctx.routes);
    throw new ProxyError(405, `Method ${ex.req.method} is not allowed on ${ex.record.path}; use ${allow}.`, {
      type: 'invalid_request_error',
      code: 'method_not_allowed',
      headers: { allow },
    });
  }
  if (route.limited && ctx.inflight > ctx.config.limits.maxConcurrent) {
    throw new ProxyError(429, 'The proxy is handling as many requests as it is configured for. Retry in a moment.', {
      code: 'too_many_concurrent_requests',
      headers: { 'retry-after': '1' },
    });
  }
  return route.handle(ctx, ex);
}

/** Cut at the drain deadline: a started stream gets an error event (never a silent end), anything else a 503. */
function endForShutdown(ex: Exchange): void {
  const { res, record } = ex;
  if (res.ended || res.closed) return;
  record.error = 'server_shutting_down';
  if (!res.headersSent) {
    sendError(res, shuttingDownError());
    return;
  }
  if (!ex.stream || !res.streaming) return;
  const message = 'The proxy is shutting down and this answer could not finish before its drain deadline; it is incomplete. Retry the request.';
  res.write(ex.stream.errorFrames(message, 'server_shutting_down'));
}

function respondWithError(ex: Exchange, error: ProxyError): void {
  ex.record.error = error.code ?? error.type;
  if (ex.res.headersSent || ex.res.closed) return;
  sendError(ex.res, error);
}

function finish(ctx: ProxyContext, ex: Exchange, route: Route | undefined): void {
  const { record, res } = ex;
  // 499 (nginx's "client closed request") when the client left before the answer was complete
  record.status = res.finished ? res.statusCode : 499;
  const seconds = (performance.now() - ex.startedMs) / 1000;
  record.latencyMs = Math.round(seconds * 1000);
  const label = route?.path ?? 'other';
  ctx.metrics.requests.inc({ route: label, status: String(record.status) });
  ctx.metrics.latency.observe({ route: label }, seconds);
  ctx.log(formatLogLine(record, new Date()));
}
