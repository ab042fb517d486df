import type { ServerResponse } from 'node:http';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { closeDefaultAgent } from './default-agent.ts';
import { sendExchange } from './send.ts';
import { httpServer, rawServer, type TestServer } from './test-servers.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
afterAll(closeDefaultAgent);

const get = (url: string) => ({ method: 'GET', url, headers: {} });

/** Writes `chunk` for as long as the connection lasts, respecting back-pressure. */
function writeForever(res: ServerResponse, chunk: string): void {
  const pump = () => {
    while (!res.destroyed && res.write(chunk));
    if (!res.destroyed) res.once('drain', pump);
  };
  pump();
}

describe('sendExchange with a broken server', () => {
  it('reports a refused connection', async () => {
    const gone = await httpServer(() => {});
    await gone.close();
    const ex = await sendExchange(get(gone.url));
    expect(ex.status).toBeUndefined();
    expect(ex.transportError?.kind).toBe('connect');
    expect(ex.transportError?.message).toContain('ECONNREFUSED');
    expect(ex.body.byteLength).toBe(0);
  });

  it('reports a server that never sends a response head, and closes the socket', async () => {
    server = await httpServer(() => {});
    const ex = await sendExchange(get(server.url), { timeoutMs: 150 });
    expect(ex.status).toBeUndefined();
    expect(ex.transportError?.kind).toBe('timeout');
    expect(ex.transportError?.message).toContain('no response head');
    await server.socketsClosed();
  });

  it('keeps what arrived from a stream that stops mid-body, and closes the socket', async () => {
    server = await httpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: {"n":1}\n\ndata: {"n"');
    });
    const ex = await sendExchange(get(server.url), { timeoutMs: 150 });
    expect(ex.status).toBe(200);
    expect(ex.transportError?.kind).toBe('timeout');
    expect(ex.transportError?.message).toContain('body did not end');
    expect(ex.sse?.events.map((e) => e.data)).toEqual(['{"n":1}']);
    expect(ex.sse?.problems).toEqual(['stream ended inside an unterminated event']);
    await server.socketsClosed();
  });

  it('reports a connection reset in the middle of the body', async () => {
    server = await rawServer((socket) => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"part', () =>
        setImmediate(() => socket.resetAndDestroy()),
      );
    });
    const ex = await sendExchange(get(server.url));
    expect(ex.status).toBe(200);
    expect(ex.transportError?.kind).toBe('reset');
    expect(ex.bodyText).toBe('{"part');
    expect(ex.jsonError).toBeDefined();
  });

  it('reports a server that closes the connection without answering', async () => {
    server = await rawServer((socket) => socket.end());
    const ex = await sendExchange(get(server.url));
    expect(ex.status).toBeUndefined();
    expect(ex.transportError?.kind).toBe('reset');
    expect(ex.transportError?.message).toContain('before sending a response head');
  });

  it('reports an answer that is not HTTP', async () => {
    server = await rawServer((socket) => socket.end('SSH-2.0-OpenSSH_9.6\r\n\r\n'));
    const ex = await sendExchange(get(server.url));
    expect(ex.status).toBeUndefined();
    expect(ex.transportError?.kind).toBe('other');
    expect(ex.transportError?.message).toContain('not valid HTTP');
  });

  it('stops an endless stream at the event cap and closes the socket', async () => {
    server = await httpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      writeForever(res, 'data: {"choices":[]}\n\n');
    });
    const ex = await sendExchange(get(server.url), { maxEvents: 50 });
    expect(ex.transportError?.kind).toBe('too_many_events');
    expect(ex.truncated).toBe(true);
    expect(ex.sse?.events).toHaveLength(50);
    expect(ex.sse?.problems).toEqual([]);
    await server.socketsClosed();
  });

  it('stops a huge body at the byte cap and closes the socket', async () => {
    server = await httpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      writeForever(res, 'x'.repeat(16 * 1024));
    });
    const ex = await sendExchange(get(server.url), { maxBodyBytes: 100_000 });
    expect(ex.transportError?.kind).toBe('too_large');
    expect(ex.truncated).toBe(true);
    expect(ex.body.byteLength).toBe(100_000);
    await server.socketsClosed();
  });

  it('throws on a request the caller built wrong, since no server is to blame', async () => {
    await expect(sendExchange(get('not a url'))).rejects.toThrow('dropin transport: cannot send GET not a url');
    await expect(sendExchange(get('ftp://127.0.0.1/'))).rejects.toThrow(/http/);
  });
});
