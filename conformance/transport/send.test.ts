import { MockAgent } from 'undici';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ExchangeRequest } from '../types.ts';
import { closeDefaultAgent } from './default-agent.ts';
import { sendExchange } from './send.ts';
import { httpServer, observedAgent, rawServer, type TestServer } from './test-servers.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
afterAll(closeDefaultAgent);

const get = (url: string): ExchangeRequest => ({ method: 'GET', url, headers: {} });

describe('sendExchange with a well-behaved server', () => {
  it('sends the request as given and captures a JSON response', async () => {
    let seen: { method?: string; auth?: string; body: string } = { body: '' };
    server = await httpServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen = { method: req.method, auth: req.headers.authorization, body };
        res.writeHead(200, { 'Content-Type': 'application/json', 'X-Multi': ['a', 'b'] });
        res.end('{"object":"list","data":[]}');
      });
    });
    const req: ExchangeRequest = {
      method: 'POST',
      url: `${server.url}/v1/chat/completions`,
      headers: { authorization: 'Bearer k', 'content-type': 'application/json' },
      body: '{"model":"m"}',
    };
    const ex = await sendExchange(req);
    expect(seen).toEqual({ method: 'POST', auth: 'Bearer k', body: '{"model":"m"}' });
    expect(ex.request).toEqual(req);
    expect(ex.status).toBe(200);
    expect(ex.headers['content-type']).toBe('application/json');
    expect(ex.headers['x-multi']).toBe('a, b');
    expect(ex.json).toEqual({ object: 'list', data: [] });
    expect(new TextDecoder().decode(ex.body)).toBe('{"object":"list","data":[]}');
    expect(ex.sse).toBeUndefined();
    expect(ex.transportError).toBeUndefined();
    expect(ex.truncated).toBe(false);
    expect(ex.timing.headersMs).toBeGreaterThanOrEqual(0);
    expect(ex.timing.firstByteMs).toBeGreaterThanOrEqual(ex.timing.headersMs!);
    expect(ex.timing.totalMs).toBeGreaterThanOrEqual(ex.timing.firstByteMs!);
  });

  it('stamps each SSE event with its own, increasing arrival time', async () => {
    const events = ['{"n":1}', '{"n":2}', '{"n":3}', '[DONE]'];
    let next: () => void = () => {};
    server = await httpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
      let i = 0;
      next = () => (i < events.length ? res.write(`data: ${events[i++]}\n\n`) : res.end());
      next();
    });
    // The server writes the next event only once the client has received the previous one.
    const dispatcher = observedAgent(() => setImmediate(() => next()));
    try {
      const ex = await sendExchange({ ...get(`${server.url}/s`), method: 'POST' }, { dispatcher });
      expect(ex.sse?.events.map((e) => e.data)).toEqual(events);
      const at = ex.sse!.events.map((e) => e.at);
      for (let k = 1; k < at.length; k++) expect(at[k]).toBeGreaterThan(at[k - 1]);
      expect(at[0]).toBeGreaterThanOrEqual(ex.timing.firstByteMs!);
      expect(ex.sse?.problems).toEqual([]);
      expect(ex.json).toBeUndefined();
      expect(ex.jsonError).toBeUndefined();
    } finally {
      await dispatcher.close();
    }
  });

  it('reads a 2xx body as SSE when a stream was asked for, whatever its content type', async () => {
    server = await httpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('data: {"a":1}\n\ndata: [DONE]\n\n');
    });
    const ex = await sendExchange(get(server.url), { stream: true });
    expect(ex.headers['content-type']).toBe('application/json');
    expect(ex.sse?.events.map((e) => e.data)).toEqual(['{"a":1}', '[DONE]']);
  });

  it('reads an error answer to a stream request as JSON', async () => {
    server = await httpServer((_req, res) => {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end('{"error":{"message":"bad","type":"invalid_request_error","param":null,"code":null}}');
    });
    const ex = await sendExchange(get(server.url), { stream: true });
    expect(ex.status).toBe(400);
    expect(ex.sse).toBeUndefined();
    expect(ex.json).toMatchObject({ error: { message: 'bad' } });
  });

  it('reads an HTTP/1.0 body delimited by the connection closing', async () => {
    server = await rawServer((socket) => {
      socket.end('HTTP/1.0 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n{"ok":true}');
    });
    const ex = await sendExchange(get(server.url));
    expect(ex.transportError).toBeUndefined();
    expect(ex.status).toBe(200);
    expect(ex.json).toEqual({ ok: true });
    await server.socketsClosed();
  });

  it('captures invalid UTF-8 as it came and flags it', async () => {
    server = await httpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(Buffer.from([0x22, 0x61, 0xff, 0x22]));
    });
    const ex = await sendExchange(get(server.url));
    expect(Array.from(ex.body)).toEqual([0x22, 0x61, 0xff, 0x22]);
    expect(ex.invalidUtf8).toBe(true);
    expect(ex.bodyText).toBe('"a\uFFFD"');
    expect(ex.json).toBe('a\uFFFD');
  });

  it('captures a redirect as it is and does not follow it, even to itself', async () => {
    let requests = 0;
    server = await httpServer((req, res) => {
      requests++;
      res.writeHead(301, { location: req.url });
      res.end();
    });
    const ex = await sendExchange(get(`${server.url}/v1/models`));
    expect(ex.status).toBe(301);
    expect(ex.headers.location).toBe('/v1/models');
    expect(ex.transportError).toBeUndefined();
    expect(requests).toBe(1);
  });

  it('uses the dispatcher it is given', async () => {
    const mock = new MockAgent();
    mock.disableNetConnect();
    mock.get('http://127.0.0.1:1').intercept({ path: '/v1/models', method: 'GET' }).reply(200, '{"data":[]}', {
      headers: { 'content-type': 'application/json' },
    });
    const ex = await sendExchange(get('http://127.0.0.1:1/v1/models'), { dispatcher: mock });
    expect(ex.json).toEqual({ data: [] });
    await mock.close();
  });
});
