// The HTTP(S) server: finds the route, enforces the server-wide limits, turns every thrown error
// into the OpenAI envelope, and writes one log line and the request metrics per request.
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import { SHUTDOWN, shuttingDownError } from './drain.ts';
import { ProxyError } from './errors.ts';
import type { Exchange, ProxyContext } from './handlers/context.ts';
import { applyCors } from './handlers/cors.ts';
import { sendError, toProxyError } from './handlers/respond.ts';
import { routeFor, type Route } from './handlers/routes.ts';
import { streamErrorPayload } from './handlers/stream-observer.ts';
import { frame } from './normalize/sse.ts';
import { requestIdFrom } from './observe/request-id.ts';
import { formatLogLine, newRecord } from './observe/request-log.ts';

export function createProxyServer(ctx: ProxyContext): Server {
  const handler = (req: IncomingMessage, res: ServerResponse) => void dispatch(ctx, req, res);
  const { tls } = ctx.config.listen;
  const { headersTimeoutMs, requestTimeoutMs } = ctx.config.limits;
  // Node enforces both timeouts only when it sweeps its connections, every 30 s by default: a
  // slow client could hold a connection that long past its limit.
  const options = {
    connectionsCheckingInterval: Math.max(10, Math.min(1_000, headersTimeoutMs, requestTimeoutMs)),
    // Node's own answer to a missing Host is an empty 400; handle() answers with the envelope
    requireHostHeader: false,
  };
  const server = tls
    ? createHttpsServer({ ...options, cert: readFileSync(tls.certFile), key: readFileSync(tls.keyFile) }, handler)
    : createHttpServer(options, handler);
  server.requestTimeout = requestTimeoutMs;
  // Node rejects a headers timeout above the request timeout.
  server.headersTimeout = Math.min(headersTimeoutMs, requestTimeoutMs);
  server.keepAliveTimeout = 5_000;
  server.on('clientError', answerClientError);
  server.on('checkExpectation', (_req: IncomingMessage, res: ServerResponse) =>
    sendError(res, new ProxyError(417, 'The proxy only understands "Expect: 100-continue". Send the request without this Expect header.', { code: 'bad_http_request' })),
  );
  server.on('connect', (req: IncomingMessage, socket: Duplex) =>
    endSocket(socket, 405, 'Method Not Allowed', `Method ${req.method} is not allowed; this proxy serves /v1/chat/completions and /v1/models.`),
  );
  return server;
}

/** Node answers malformed or too-slow requests itself in plain text; answer with the envelope instead. */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const [status, reason, message] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'Request Timeout', 'The request was not received completely in time. Send it again, faster or smaller.']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', 'The request headers are too large. Send fewer or shorter headers.']
        : [400, 'Bad Request', 'The request is not valid HTTP. Check the client or anything between it and the proxy.'];
  endSocket(socket, status, reason, message);
}

/** Answers on a socket Node no longer manages as a request, then closes it. */
function endSocket(socket: Duplex, status: number, reason: string, message: string): void {
  const body = JSON.stringify(new ProxyError(status, message, { code: 'bad_http_request' }).toBody());
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

async function dispatch(ctx: ProxyContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const startedMs = performance.now();
  const path = (req.url ?? '/').split('?')[0];
  const record = newRecord(requestIdFrom(req.headers['x-request-id']), req.method ?? 'GET', path);
  res.setHeader('x-request-id', record.requestId);
  const client = new AbortController();
  const closed = new Promise<void>((resolve) =>
    res.once('close', () => {
      if (!res.writableFinished) client.abort();
      resolve();
    }),
  );
  const ex: Exchange = { req, res, record, clientSignal: client.signal, startedMs };
  if (applyCors(ctx.config.cors?.origins, req, res)) return;
  // while draining, a client still on a kept-alive connection is told to reconnect (elsewhere)
  if (ctx.drain.draining) res.setHeader('connection', 'close');
  const untrack = ctx.drain.track(client);
  const route = routeFor(path);
  const limited = route?.limited === true && route.method === req.method;
  if (limited) ctx.inflight++;
  try {
    await handle(ctx, ex, route);
  } catch (error) {
    // a request cut at the drain deadline is answered below, whatever its handler threw
    if (client.signal.reason !== SHUTDOWN) {
      if (!(error instanceof ProxyError)) ctx.log(JSON.stringify({ level: 'error', msg: 'handler failed', requestId: record.requestId, error: String(error) }));
      respondWithError(ex, toProxyError(error));
    }
  } finally {
    if (client.signal.reason === SHUTDOWN) endForShutdown(ex);
    if (!res.writableEnded) res.end();
    await closed;
    untrack();
    if (limited) ctx.inflight--;
    finish(ctx, ex, route);
  }
}

async function handle(ctx: ProxyContext, ex: Exchange, route: Route | undefined): Promise<void> {
  if (ex.req.headers.host === undefined && ex.req.httpVersion === '1.1') {
    throw new ProxyError(400, 'The request has no Host header, which HTTP/1.1 requires. Send one (any HTTP client does).', { code: 'bad_http_request' });
  }
  if (!route) {
    throw new ProxyError(404, `Invalid URL (${ex.req.method} ${ex.record.path}). This proxy serves /v1/chat/completions and /v1/models.`, { code: 'unknown_url' });
  }
  if (route.method !== ex.req.method) {
    throw new ProxyError(405, `Method ${ex.req.method} is not allowed on ${route.path}; use ${route.method}.`, {
      type: 'invalid_request_error',
      code: 'method_not_allowed',
      headers: { allow: route.method },
    });
  }
  if (route.limited && ctx.inflight > ctx.config.limits.maxConcurrent) {
    throw new ProxyError(429, 'The proxy is handling as many requests as it is configured for. Retry in a moment.', {
      code: 'too_many_concurrent_requests',
      headers: { 'retry-after': '1' },
    });
  }
  await route.handle(ctx, ex);
}

/** Cut at the drain deadline: a started stream gets an error event (never a silent end), anything else a 503. */
function endForShutdown(ex: Exchange): void {
  const { res, record } = ex;
  if (res.writableEnded || res.destroyed) return;
  record.error = 'server_shutting_down';
  if (!res.headersSent) {
    sendError(res, shuttingDownError());
    return;
  }
  if (!String(res.getHeader('content-type')).startsWith('text/event-stream')) return;
  const message = 'The proxy is shutting down and this answer could not finish before its drain deadline; it is incomplete. Retry the request.';
  res.write(frame(streamErrorPayload(message, 'server_shutting_down')));
}

function respondWithError(ex: Exchange, error: ProxyError): void {
  ex.record.error = error.code ?? error.type;
  if (ex.res.headersSent || ex.res.destroyed) return;
  sendError(ex.res, error);
}

function finish(ctx: ProxyContext, ex: Exchange, route: Route | undefined): void {
  const { record, res } = ex;
  // 499 (nginx's "client closed request") when the client left before the answer was complete
  record.status = res.writableFinished ? res.statusCode : 499;
  const seconds = (performance.now() - ex.startedMs) / 1000;
  record.latencyMs = Math.round(seconds * 1000);
  const label = route?.path ?? 'other';
  ctx.metrics.requests.inc({ route: label, status: String(record.status) });
  ctx.metrics.latency.observe({ route: label }, seconds);
  ctx.log(formatLogLine(record, new Date()));
}
