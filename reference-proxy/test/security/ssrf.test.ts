// No SSRF: the proxy takes upstream URLs from its config only. Requests carry a canary URL in
// every place a client could put one — model names, Host and forwarding headers, body fields,
// path tricks, an absolute-form request target — and the canary must never see a connection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completion, json } from '../helpers/replies.ts';
import { startTestProxy, type TestProxy } from '../helpers/proxy.ts';
import { startUpstream, type FakeUpstream } from '../helpers/upstream.ts';
import { rawRequest, startCanary, type Canary } from './raw-http.ts';

let canary: Canary;
let upstream: FakeUpstream;
let proxy: TestProxy;
const answers: string[] = [];

beforeAll(async () => {
  canary = await startCanary();
  upstream = await startUpstream(json(completion('hi')));
  proxy = await startTestProxy([{ name: 'a', baseUrl: upstream.baseUrl, healthPath: '/health' }], { health: { probeIntervalMs: 50 } });
});
afterAll(async () => {
  await proxy.close();
  await upstream.close();
  await canary.close();
});

const target = () => `127.0.0.1:${canary.port}`;
const url = () => `http://${target()}/v1`;
const chat = (extra: Record<string, unknown> = {}) => JSON.stringify({ model: 'test-model', messages: [{ role: 'user', content: 'hi' }], ...extra });
const post = (path: string, headers: string[] = [], body = chat()) =>
  rawRequest(proxy.port, [`POST ${path} HTTP/1.1`, `Host: 127.0.0.1:${proxy.port}`, 'Content-Type: application/json', ...headers].join('\r\n'), body);

describe('no upstream URL is ever taken from a request', () => {
  it('not from the model name', async () => {
    for (const model of [url(), `${url()}/chat/completions`, target(), `a/${url()}`, `//${target()}`]) {
      answers.push(await post('/v1/chat/completions', [], chat({ model })));
    }
  });

  it('not from body fields naming a base URL', async () => {
    for (const field of ['base_url', 'api_base', 'baseUrl', 'baseURL', 'url', 'endpoint', 'api_url', 'host', 'proxy']) {
      answers.push(await post('/v1/chat/completions', [], chat({ [field]: url() })));
    }
    answers.push(await post('/v1/chat/completions', [], chat({ extra_body: { base_url: url() }, backend: { baseUrl: url() } })));
  });

  it('not from Host or forwarding headers', async () => {
    const headers = [
      `X-Forwarded-Host: ${target()}`,
      `Forwarded: host=${target()};proto=http`,
      `X-Original-URL: ${url()}/chat/completions`,
      `X-Rewrite-URL: ${url()}/chat/completions`,
      `X-Upstream-URL: ${url()}`,
      `OpenAI-Base-URL: ${url()}`,
      `X-Forwarded-Proto: http`,
      `X-Forwarded-Port: ${canary.port}`,
    ];
    answers.push(await post('/v1/chat/completions', headers));
    answers.push(await rawRequest(proxy.port, [`POST /v1/chat/completions HTTP/1.1`, `Host: ${target()}`, 'Content-Type: application/json'].join('\r\n'), chat()));
    answers.push(await rawRequest(proxy.port, [`GET /v1/models HTTP/1.1`, `Host: ${target()}`, `X-Forwarded-Host: ${target()}`].join('\r\n')));
  });

  it('not from path tricks or an absolute-form request target', async () => {
    for (const path of [
      '/v1/../../x',
      `/v1/chat/completions/../../../${url()}/chat/completions`,
      `//${target()}/v1/chat/completions`,
      `/${url()}/chat/completions`,
      `/@${target()}/v1/chat/completions`,
      `/v1/chat/completions?base_url=${encodeURIComponent(url())}`,
      `${url()}/chat/completions`,
      `http://user@${target()}/v1/chat/completions`,
    ]) {
      answers.push(await post(path));
    }
    answers.push(await rawRequest(proxy.port, `CONNECT ${target()} HTTP/1.1\r\nHost: ${target()}`));
  });

  it('the canary saw no connection, and the backend only its configured paths', async () => {
    // the active health probe runs every 50 ms: give it a few rounds to misbehave
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(canary.connections()).toBe(0);
    expect(answers.length).toBeGreaterThanOrEqual(27);
    for (const answer of answers) expect(answer).toMatch(/^HTTP\/1\.1 (200|404|405) /);
    expect(new Set(upstream.requests.map((r) => `${r.method} ${r.path}`))).toEqual(new Set(['POST /v1/chat/completions', 'GET /health']));
  });
});
