// The floor of a Bun proxy (the bun-minimal contender): Bun.serve answering every request with a
// fetch to the upstream, the body forwarded as bytes and the answer returned as it streams in: no
// JSON parse, no log, no metrics. Run by Bun: `bun bun-minimal-proxy.ts <port> <upstream origin>`.

/** The part of Bun's API this file uses (the project's type-check runs with Node's types only). */
declare const Bun: {
  serve(options: { hostname: string; port: number; idleTimeout: number; fetch(req: Request): Promise<Response> }): { stop(closeActive?: boolean): void };
};

const BAD_GATEWAY = '{"error":{"message":"The upstream did not answer.","type":"server_error","param":null,"code":"upstream_unavailable"}}';

const port = Number(process.argv[2]);
const upstream = process.argv[3];

const server = Bun.serve({
  hostname: '127.0.0.1',
  port,
  // seconds a connection may stay silent; the held streams send every 100 ms, well inside it
  idleTimeout: 120,
  async fetch(req) {
    const url = new URL(req.url);
    // its own readiness probe, so starting it does not depend on what the upstream makes of a GET
    if (url.pathname === '/healthz') return new Response('ok');
    try {
      return await fetch(`${upstream}${url.pathname}${url.search}`, {
        method: req.method,
        headers: { 'content-type': 'application/json', accept: req.headers.get('accept') ?? '*/*' },
        body: req.method === 'POST' ? await req.arrayBuffer() : undefined,
        // Bun aborts the request's signal when its client goes away, which cancels the fetch
        signal: req.signal,
      });
    } catch {
      return new Response(BAD_GATEWAY, { status: 502, headers: { 'content-type': 'application/json' } });
    }
  },
});

process.once('SIGTERM', () => {
  server.stop(true);
  process.exit(0);
});
