// CORS is off unless configured: a proxy holding cloud keys must not be callable from any web
// page. With cors.origins, exactly the listed origins are echoed, nothing else.
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { completion, json } from '../helpers/replies.ts';
import { chatBody, startTestProxy, type TestProxy } from '../helpers/proxy.ts';
import { startUpstream } from '../helpers/upstream.ts';

const APP = 'https://app.example.com';
const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.close()));
});

async function proxyWith(extra: Record<string, unknown> = {}): Promise<TestProxy> {
  const up = await startUpstream(json(completion('hi')));
  const proxy = await startTestProxy([{ name: 'a', baseUrl: up.baseUrl }], extra);
  open.unshift(proxy);
  open.push(up);
  return proxy;
}

type Call = { status: number; cors: Record<string, string> };

/** The access-control-* headers (and Vary) of one answer. */
async function call(proxy: TestProxy, method: 'OPTIONS' | 'POST' | 'GET', path: string, origin: string): Promise<Call> {
  const res = await request(`${proxy.url}${path}`, {
    method,
    headers: {
      origin,
      ...(method === 'OPTIONS' ? { 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } : {}),
      ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
    },
    body: method === 'POST' ? JSON.stringify(chatBody()) : undefined,
  });
  await res.body.dump();
  const cors = Object.fromEntries(Object.entries(res.headers).filter(([name]) => name.startsWith('access-control-') || name === 'vary')) as Record<string, string>;
  return { status: res.statusCode, cors };
}

const everyKind = (proxy: TestProxy, origin: string) =>
  Promise.all([
    call(proxy, 'OPTIONS', '/v1/chat/completions', origin),
    call(proxy, 'POST', '/v1/chat/completions', origin),
    call(proxy, 'GET', '/v1/models', origin),
    call(proxy, 'GET', '/v1/nothing-here', origin),
  ]);

describe('CORS', () => {
  it('is off without config: no access-control-* header on a preflight, a request or an error', async () => {
    const proxy = await proxyWith();
    const calls = await everyKind(proxy, APP);
    expect(calls.map((c) => c.cors)).toEqual([{}, {}, {}, {}]);
    expect(calls[1].status).toBe(200);
    expect(calls[0].status).not.toBe(204);
  });

  it('answers a preflight from a listed origin, echoing that origin only', async () => {
    const proxy = await proxyWith({ cors: { origins: [APP, 'http://localhost:3000'] } });
    const preflight = await call(proxy, 'OPTIONS', '/v1/chat/completions', APP);
    expect(preflight.status).toBe(204);
    expect(preflight.cors['access-control-allow-origin']).toBe(APP);
    expect(preflight.cors['access-control-allow-methods']).toContain('POST');
    // DELETE /v1/responses/{id} from a browser
    expect(preflight.cors['access-control-allow-methods']).toContain('DELETE');
    expect(preflight.cors['access-control-allow-headers']).toContain('authorization');
    expect(preflight.cors.vary).toContain('Origin');
    const calls = await everyKind(proxy, 'http://localhost:3000');
    for (const c of calls) expect(c.cors['access-control-allow-origin']).toBe('http://localhost:3000');
    expect(calls[1].status).toBe(200);
  });

  it('gives other origins nothing, however close they look', async () => {
    const proxy = await proxyWith({ cors: { origins: [APP] } });
    for (const origin of ['https://evil.example', 'null', `${APP}.evil.example`, 'http://app.example.com', `${APP}:8443`, 'https://APP.example.com']) {
      const calls = await everyKind(proxy, origin);
      expect(calls.map((c) => c.cors['access-control-allow-origin']), origin).toEqual([undefined, undefined, undefined, undefined]);
      expect(calls[0].status, origin).not.toBe(204);
    }
  });

  it('answers any origin with "*" only when configured with "*"', async () => {
    const proxy = await proxyWith({ cors: { origins: ['*'] } });
    const calls = await everyKind(proxy, 'https://anyone.example');
    expect(calls.map((c) => c.cors['access-control-allow-origin'])).toEqual(['*', '*', '*', '*']);
  });
});
