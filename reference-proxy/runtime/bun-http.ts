// The HTTP(S) front on Bun: Bun.serve, its fast path, in place of Bun's node:http layer (which
// costs as much per request as Node's own). What Bun.serve cannot do the way the Node front does
// is refused at start (bun-limits.ts); the rest of the proxy is the same code on both runtimes.
import { readFileSync } from 'node:fs';
import { ProxyError } from '../errors.ts';
import { BunRequest, BunResponse } from './bun-exchange.ts';
import { bunIdleTimeoutS } from './bun-limits.ts';
import type { HttpFront } from './http-types.ts';
import type { FrontOptions } from './node-http.ts';

/** The part of Bun's API this file uses (the project type-checks against Node's types only). */
interface BunServer {
  readonly port: number;
  stop(closeActiveConnections?: boolean): Promise<void>;
  timeout(request: Request, seconds: number): void;
}
declare const Bun: {
  serve(options: {
    hostname: string;
    port: number;
    idleTimeout: number;
    tls?: { cert: string; key: string };
    fetch(request: Request, server: BunServer): Promise<Response>;
    error(error: Error): Response;
  }): BunServer;
};

const INTERNAL_ERROR = JSON.stringify(
  new ProxyError(500, 'The proxy failed while handling this request; the error has been logged. Retry, and report it if it persists.', { code: 'internal_error' }).toBody(),
);

function methodNotAllowed(servedPaths: string): Response {
  const body = JSON.stringify(new ProxyError(405, `Method CONNECT is not allowed; this proxy serves ${servedPaths}.`, { code: 'bad_http_request' }).toBody());
  return new Response(body, { status: 405, headers: { 'content-type': 'application/json', connection: 'close' } });
}

export async function startBunFront(o: FrontOptions): Promise<HttpFront> {
  const { listen, limits } = o.config;
  let server: BunServer;
  try {
    server = Bun.serve({
      hostname: listen.host,
      port: listen.port,
      idleTimeout: bunIdleTimeoutS(limits),
      ...(listen.tls ? { tls: { cert: readFileSync(listen.tls.certFile, 'utf8'), key: readFileSync(listen.tls.keyFile, 'utf8') } } : {}),
      fetch(request, self) {
        // node:http hands CONNECT to its own event (node-http.ts); Bun.serve passes it here
        if (request.method === 'CONNECT') return Promise.resolve(methodNotAllowed(o.servedPaths));
        // a backend may think for minutes before its first byte: only the idle time before a
        // request is in counts (the body has its own deadline, limits.requestTimeoutMs)
        self.timeout(request, 0);
        const res = new BunResponse(request.signal);
        void o.handler(new BunRequest(request, performance.now() + limits.requestTimeoutMs), res);
        return res.response;
      },
      // the handler answers every error itself; this is for one that escapes it
      error: () => new Response(INTERNAL_ERROR, { status: 500, headers: { 'content-type': 'application/json' } }),
    });
  } catch (error) {
    // Bun's listen error reads "Failed to start server. Is port 8080 in use?": keep Node's code
    throw Object.assign(new Error(`listen ${listen.host}:${listen.port}: ${(error as Error).message}`), { code: (error as { code?: string }).code ?? 'EADDRINUSE' });
  }
  let stopped: Promise<void> | undefined;
  return {
    port: server.port,
    // Bun's stop() closes idle kept-alive connections at once (Node keeps them): a request a
    // client sends on one at that moment is lost, and the client retries it elsewhere
    stopAccepting: () => (stopped ??= server.stop(false)),
    closeConnections: () => void server.stop(true),
    close: () => server.stop(true),
  };
}
