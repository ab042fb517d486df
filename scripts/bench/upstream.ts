// The purpose-built fast upstream: POST /v1/chat/completions answers a tiny completion, or an SSE
// stream whose shape comes from the model name (see upstream-body.ts). Runs as its own process in
// the bench so the load generator does not share its event loop.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chunkEvent, completionJson, DONE_EVENT, monotonicUs, type StreamShape, streamShape } from './upstream-body.ts';

export interface Upstream {
  server: Server;
  port: number;
  close(): Promise<void>;
}

export async function startUpstream(defaults: StreamShape, port = 0): Promise<Upstream> {
  const server = createServer({ keepAliveTimeout: 60_000 }, (req, res) => void handle(req, res, defaults));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, defaults: StreamShape): Promise<void> {
  const path = (req.url ?? '/').split('?')[0];
  if (req.method === 'GET' && (path === '/v1/models' || path === '/')) return sendJson(res, 200, '{"object":"list","data":[{"id":"bench","object":"model","created":0,"owned_by":"bench"}]}');
  if (req.method !== 'POST' || path !== '/v1/chat/completions') {
    return sendJson(res, 404, '{"error":{"message":"The bench upstream serves POST /v1/chat/completions only.","type":"invalid_request_error","param":null,"code":"unknown_url"}}');
  }
  let body: { model?: unknown; stream?: unknown };
  try {
    body = JSON.parse(await readBody(req)) as typeof body;
  } catch {
    return sendJson(res, 400, '{"error":{"message":"The request body is not JSON.","type":"invalid_request_error","param":null,"code":null}}');
  }
  const model = typeof body.model === 'string' ? body.model : 'bench';
  if (body.stream === true) return stream(res, model, streamShape(model, defaults));
  sendJson(res, 200, completionJson(model));
}

function sendJson(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

async function stream(res: ServerResponse, model: string, shape: StreamShape): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  let gone = false;
  res.once('close', () => (gone = true));
  for (let i = 0; i < shape.chunks && !gone; i++) {
    if (i > 0 && shape.delayMs > 0) await sleep(shape.delayMs);
    if (!gone) res.write(chunkEvent(model, i, shape.chunks, monotonicUs()));
  }
  if (!gone) res.end(DONE_EVENT);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
