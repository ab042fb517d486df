// Small purpose-built loopback upstreams for integration tests: each test scripts exactly the
// answer (or fault) it needs, and can see what the proxy sent and whether it hung up early.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: any;
}

export type Reply = (req: SeenRequest, res: ServerResponse) => void | Promise<void>;

export interface FakeUpstream {
  /** base URL ending in /v1 */
  baseUrl: string;
  requests: SeenRequest[];
  /** resolves when the proxy closes a connection while a response is still being written */
  abortedResponse: Promise<void>;
  close(): Promise<void>;
}

export async function startUpstream(reply: Reply): Promise<FakeUpstream> {
  const requests: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  let onAbort: () => void = () => {};
  const abortedResponse = new Promise<void>((resolve) => (onAbort = resolve));
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const seen: SeenRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: text ? JSON.parse(text) : undefined };
    requests.push(seen);
    res.on('close', () => {
      if (!res.writableFinished) onAbort();
    });
    await reply(seen, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    abortedResponse,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port with nothing listening on it (connection refused). */
export async function refusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
