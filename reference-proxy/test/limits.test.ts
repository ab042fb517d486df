// Server-wide limits and HTTP-level errors, each as the OpenAI envelope.
import { Readable } from 'node:stream';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { completion, json } from './helpers/replies.ts';
import { chatBody, postChat, startTestProxy, type TestProxy } from './helpers/proxy.ts';
import { startUpstream, type Reply } from './helpers/upstream.ts';

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.close()));
});
async function proxyWith(reply: Reply, extra: Record<string, unknown> = {}): Promise<TestProxy> {
  const up = await startUpstream(reply);
  const proxy = await startTestProxy([{ name: 'a', baseUrl: up.baseUrl }], extra);
  open.push(proxy, up);
  return proxy;
}
async function expectEnvelope(res: Response | { status: number; json(): Promise<any> }, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = await res.json();
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
  expect(body.error.code).toBe(code);
  return body.error;
}

describe('request limits', () => {
  it('answers 413 for a declared oversize body without reading it', async () => {
    const proxy = await proxyWith(json(completion('x')), { limits: { maxBodyBytes: 1024 } });
    const body = JSON.stringify(chatBody({ messages: [{ role: 'user', content: 'x'.repeat(5000) }] }));
    await expectEnvelope(await postChat(proxy, body), 413, 'request_too_large');
  });

  it('answers 413 for a chunked body that grows past the cap', async () => {
    const proxy = await proxyWith(json(completion('x')), { limits: { maxBodyBytes: 1024 } });
    async function* parts() {
      yield Buffer.from('{"model":"test-model","messages":[{"role":"user","content":"');
      for (let i = 0; i < 20; i++) yield Buffer.from('y'.repeat(200));
      yield Buffer.from('"}]}');
    }
    const res = await request(`${proxy.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Readable.from(parts()) });
    await expectEnvelope({ status: res.statusCode, json: () => res.body.json() }, 413, 'request_too_large');
  });

  it('answers 400 for invalid JSON, a wrong content type and a missing field', async () => {
    const proxy = await proxyWith(json(completion('x')));
    await expectEnvelope(await postChat(proxy, '{"model":'), 400, 'invalid_json');
    await expectEnvelope(await postChat(proxy, 'model=x', { 'content-type': 'application/x-www-form-urlencoded' }), 400, 'invalid_content_type');
    const error = await expectEnvelope(await postChat(proxy, { model: 'test-model' }), 400, 'missing_required_parameter');
    expect(error.param).toBe('messages');
  });

  it('answers 404 for an unknown path and 405 for a wrong method', async () => {
    const proxy = await proxyWith(json(completion('x')));
    await expectEnvelope(await fetch(`${proxy.url}/v1/moderations`, { method: 'POST' }), 404, 'unknown_url');
    const res = await fetch(`${proxy.url}/v1/chat/completions`);
    expect(res.headers.get('allow')).toBe('POST');
    await expectEnvelope(res, 405, 'method_not_allowed');
  });

  it('answers 429 with Retry-After beyond maxConcurrent', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const proxy = await proxyWith(async (req, res) => {
      await held;
      json(completion('done'))(req, res);
    }, { limits: { maxConcurrent: 1 } });
    const first = postChat(proxy, chatBody());
    await expect.poll(async () => (await fetch(`${proxy.url}/metrics`).then((r) => r.text())).includes('dropin_upstream_attempts_total{backend="a"} 1')).toBe(true);
    const second = await postChat(proxy, chatBody());
    expect(second.headers.get('retry-after')).toBe('1');
    await expectEnvelope(second, 429, 'too_many_concurrent_requests');
    release();
    expect((await first).status).toBe(200);
  });

  it('rejects input matching a deny pattern with 400 before any upstream call', async () => {
    const up = await startUpstream(json(completion('x')));
    const proxy = await startTestProxy([{ name: 'a', baseUrl: up.baseUrl }], { safety: { denyInput: ['forbidden\\s+topic'] } });
    open.push(proxy, up);
    const res = await postChat(proxy, chatBody({ messages: [{ role: 'user', content: 'tell me about the FORBIDDEN  topic' }] }));
    const status = res.status;
    const body = await res.json();
    expect(status).toBe(400);
    expect(body.error.code).toBe('content_policy_violation');
    expect(up.requests).toHaveLength(0);
  });
});

describe('probes and CORS', () => {
  it('reports liveness always and readiness only while a backend is available', async () => {
    const proxy = await proxyWith(json({ error: { message: 'down', type: 'server_error', param: null, code: null } }, 503), {
      health: { failureThreshold: 1, cooldownMs: 60_000 },
      retry: { attempts: 1 },
    });
    expect((await fetch(`${proxy.url}/readyz`)).status).toBe(200);
    expect((await postChat(proxy, chatBody())).status).toBe(503);
    expect((await fetch(`${proxy.url}/healthz`)).status).toBe(200);
    await expectEnvelope(await fetch(`${proxy.url}/readyz`), 503, 'no_backend_available');
  });

  it('sends no CORS headers unless origins are configured', async () => {
    const closed = await proxyWith(json(completion('x')));
    const plain = await fetch(`${closed.url}/v1/models`, { headers: { origin: 'https://app.example' } });
    expect(plain.headers.get('access-control-allow-origin')).toBeNull();
    const opened = await proxyWith(json(completion('x')), { cors: { origins: ['https://app.example'] } });
    const preflight = await fetch(`${opened.url}/v1/chat/completions`, { method: 'OPTIONS', headers: { origin: 'https://app.example' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://app.example');
  });
});

describe('malformed HTTP', () => {
  it('answers a request Node cannot parse with the envelope', async () => {
    const { connect } = await import('node:net');
    const proxy = await proxyWith(json(completion('x')));
    const socket = connect(proxy.port, '127.0.0.1');
    socket.end('NOT-HTTP\r\n\r\n');
    let raw = '';
    for await (const part of socket) raw += part;
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)).error.code).toBe('bad_http_request');
  });
});
