// The HTTP(S) front on Node: node:http (or node:https) with the server-wide timeouts, Node's own
// answers to malformed or slow requests turned into the OpenAI envelope, and a close that keeps
// idle kept-alive connections during a drain.
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { Server as NetServer, type AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { ProxyError } from '../errors.ts';
import type { ProxyConfig } from '../types.ts';
import type { HttpFront, RequestHandler } from './http-types.ts';
import { NodeRequest, NodeResponse } from './node-exchange.ts';

export interface FrontOptions {
  config: ProxyConfig;
  handler: RequestHandler;
  /** the API paths served, for the message of a refused CONNECT */
  servedPaths: string;
}

export async function startNodeFront(o: FrontOptions): Promise<HttpFront> {
  const server = createNodeServer(o);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.config.listen.port, o.config.listen.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    stopAccepting: () => stopAccepting(server),
    closeConnections: () => server.closeAllConnections(),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function createNodeServer({ config, handler, servedPaths }: FrontOptions): Server {
  const serve = (req: IncomingMessage, res: ServerResponse) => void handler(new NodeRequest(req), new NodeResponse(res));
  const { tls } = config.listen;
  const { headersTimeoutMs, requestTimeoutMs } = config.limits;
  // Node enforces both timeouts only when it sweeps its connections, every 30 s by default: a
  // slow client could hold a connection that long past its limit.
  const options = {
    connectionsCheckingInterval: Math.max(10, Math.min(1_000, headersTimeoutMs, requestTimeoutMs)),
    // Node's own answer to a missing Host is an empty 400; the core answers with the envelope
    requireHostHeader: false,
  };
  const server = tls
    ? createHttpsServer({ ...options, cert: readFileSync(tls.certFile), key: readFileSync(tls.keyFile) }, serve)
    : createHttpServer(options, serve);
  server.requestTimeout = requestTimeoutMs;
  // Node rejects a headers timeout above the request timeout.
  server.headersTimeout = Math.min(headersTimeoutMs, requestTimeoutMs);
  server.keepAliveTimeout = 5_000;
  server.on('clientError', answerClientError);
  server.on('checkExpectation', (_req: IncomingMessage, res: ServerResponse) => {
    const body = JSON.stringify(new ProxyError(417, 'The proxy only understands "Expect: 100-continue". Send the request without this Expect header.', { code: 'bad_http_request' }).toBody());
    res.writeHead(417, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
  });
  server.on('connect', (req: IncomingMessage, socket: Duplex) =>
    endSocket(socket, 405, 'Method Not Allowed', `Method ${req.method} is not allowed; this proxy serves ${servedPaths}.`),
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

/**
 * Closes the listening socket but, unlike http.Server#close, keeps idle kept-alive connections:
 * closing one just as its client sends a request loses that request. A request arriving on one
 * is answered with `Connection: close` (server.ts), and the rest close at the end of the drain.
 * Resolves once every connection has closed.
 */
function stopAccepting(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.once('close', () => resolve()));
  NetServer.prototype.close.call(server);
  return closed;
}
