// Logs, metrics, request ids — and that the upstream key never shows up in any of them.
import { afterEach, describe, expect, it } from 'vitest';
import { chunk, completion, json, usageChunk, sse } from './helpers/replies.ts';
import { chatBody, postChat, startTestProxy } from './helpers/proxy.ts';
import { startUpstream } from './helpers/upstream.ts';

const UPSTREAM_KEY = 'sk-upstream-secret-0123456789';
const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.close()));
});

describe('observability', () => {
  it('logs one line per request and counts tokens, locality and cost', async () => {
    const up = await startUpstream((req, res) =>
      req.body.stream ? sse([chunk({ role: 'assistant', content: 'hi' }), chunk({}, 'stop'), usageChunk(), '[DONE]'])(req, res) : json(completion('hi'))(req, res),
    );
    const proxy = await startTestProxy([{ name: 'cloud', baseUrl: up.baseUrl, local: false, price: { input: 1, output: 2 } }]);
    open.push(proxy, up);
    const res = await postChat(proxy, chatBody(), { 'x-request-id': 'trace-42' });
    expect(res.headers.get('x-request-id')).toBe('trace-42');
    await res.text();
    await (await postChat(proxy, chatBody({ stream: true, stream_options: { include_usage: true } }))).text();
    expect(up.requests[0].headers['x-request-id']).toBe('trace-42');

    await expect.poll(() => proxy.logs.length).toBe(2);
    const [first, second] = proxy.logs.map((l) => JSON.parse(l));
    expect(first).toMatchObject({ requestId: 'trace-42', path: '/v1/chat/completions', endpoint: 'chat', publicModel: 'test-model', backend: 'cloud', attempts: 1, status: 200, tokens: { prompt: 11, completion: 7 } });
    expect(first.latencyMs).toBeGreaterThanOrEqual(0);
    expect(second).toMatchObject({ stream: true, status: 200, tokens: { prompt: 11, completion: 7 } });
    expect(second.ttftMs).toBeGreaterThanOrEqual(0);

    const metrics = await proxy.metrics.metrics();
    expect(metrics).toContain('dropin_requests_total{route="/v1/chat/completions",status="200"} 2');
    expect(metrics).toContain('dropin_served_requests_total{locality="cloud",endpoint="chat"} 2');
    expect(metrics).toContain('dropin_tokens_total{backend="cloud",direction="completion",endpoint="chat"} 14');
    expect(metrics).toMatch(/dropin_estimated_cost_usd_total\{backend="cloud",endpoint="chat"\} 0\.00005/);
    expect(metrics).toContain('dropin_time_to_first_token_seconds_count{backend="cloud"} 2');
  });

  it('never lets the upstream key reach logs, error bodies or metrics', async () => {
    // An upstream that echoes the credential it got, as some do in their 401/400 messages.
    const echo = await startUpstream((req, res) => json({ error: { message: `bad request with ${req.headers.authorization}`, type: 'invalid_request_error', param: null, code: null } }, 400)(req, res));
    const rejecting = await startUpstream((req, res) => json({ error: { message: `Incorrect API key provided: ${req.headers.authorization}` } }, 401)(req, res));
    const proxy = await startTestProxy(
      [
        { name: 'echo', baseUrl: echo.baseUrl, apiKey: 'env:TEST_UPSTREAM_KEY', models: ['m1'] },
        { name: 'rejecting', baseUrl: rejecting.baseUrl, apiKey: 'env:TEST_UPSTREAM_KEY', models: ['m2'] },
      ],
    );
    open.push(proxy, echo, rejecting);
    const bodies = [
      await (await postChat(proxy, chatBody({ model: 'm1' }), { authorization: 'Bearer sk-client-side' })).text(),
      await (await postChat(proxy, chatBody({ model: 'm2' }))).text(),
      await (await fetch(`${proxy.url}/metrics`)).text(),
      await (await fetch(`${proxy.url}/v1/models`)).text(),
    ];
    expect(echo.requests[0].headers.authorization).toBe(`Bearer ${UPSTREAM_KEY}`);
    expect(JSON.parse(bodies[1]).error.code).toBe('upstream_auth_failed');
    for (const text of [...bodies, ...proxy.logs]) expect(text).not.toContain(UPSTREAM_KEY);
  });
});
