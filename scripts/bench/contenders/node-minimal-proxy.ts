// The floor of a Node proxy (the node-minimal contender): node:http in front of one undici Pool,
// forwarding the body as bytes: no JSON parse, no log, no metrics, no validation. What dropin
// costs above this is its own design; what this costs is Node. Run directly by Node (type
// stripping, no tsx): `node node-minimal-proxy.ts <port> <upstream origin>`.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { Pool } from 'undici';

/** Upstream headers passed on; hop-by-hop ones (connection, keep-alive, transfer-encoding) are not. */
const PASSED = ['content-type', 'cache-control', 'content-length'];
const BAD_GATEWAY = '{"error":{"message":"The upstream did not answer.","type":"server_error","param":null,"code":"upstream_unavailable"}}';

const port = Number(process.argv[2]);
const pool = new Pool(process.argv[3], { keepAliveTimeout: 30_000, connections: null });

const server = createServer({ keepAliveTimeout: 5_000 }, (req, res) => {
  // its own readiness probe, so starting it does not depend on what the upstream makes of a GET
  if (req.url === '/healthz') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  const parts: Buffer[] = [];
  req.on('data', (part: Buffer) => parts.push(part));
  req.on('end', () => void forward(req, res, Buffer.concat(parts)));
});

async function forward(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
  // a client that goes away cancels its upstream request at once
  const cancel = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) cancel.abort();
  });
  try {
    const up = await pool.request({
      method: req.method === 'POST' ? 'POST' : 'GET',
      path: req.url ?? '/',
      headers: { 'content-type': 'application/json', accept: req.headers.accept ?? '*/*' },
      body: body.length > 0 ? body : null,
      signal: cancel.signal,
    });
    const headers: Record<string, string | string[]> = {};
    for (const name of PASSED) {
      const value = up.headers[name];
      if (value !== undefined) headers[name] = value;
    }
    res.writeHead(up.statusCode, headers);
    // an answer of declared length is read whole and written once; a stream is piped event by event
    if (headers['content-length'] !== undefined) res.end(Buffer.from(await up.body.arrayBuffer()));
    else await pipeline(up.body, res);
  } catch {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' }).end(BAD_GATEWAY);
    else res.destroy();
  }
}

server.listen(port, '127.0.0.1');
process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void pool.destroy().then(() => process.exit(0));
});
