// Failover before the first byte, none after it, and circuit breaking — with scripted faults.
import { afterEach, describe, expect, it } from 'vitest';
import { completion, errorReply, json, sse, sseHead, chunk } from './helpers/replies.ts';
import { chatBody, postChat, ssePayloads, startTestProxy, type TestProxy } from './helpers/proxy.ts';
import { refusedPort, startUpstream, type FakeUpstream } from './helpers/upstream.ts';

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.close()));
});
async function upstream(...args: Parameters<typeof startUpstream>): Promise<FakeUpstream> {
  const u = await startUpstream(...args);
  open.push(u);
  return u;
}
async function proxyFor(backends: Parameters<typeof startTestProxy>[0], extra: Record<string, unknown> = {}): Promise<TestProxy> {
  const p = await startTestProxy(backends, extra);
  open.unshift(p);
  return p;
}
const chain = (...names: string[]) => ({ aliases: { chain: names.map((backend) => ({ backend, model: 'test-model' })) } });
const lastLog = (p: TestProxy) => JSON.parse(p.logs.at(-1) ?? '{}');

describe('failover before the first byte', () => {
  it('moves on from a refused connection', async () => {
    const good = await upstream(json(completion('from b')));
    const proxy = await proxyFor([{ name: 'a', baseUrl: `http://127.0.0.1:${await refusedPort()}/v1` }, { name: 'b', baseUrl: good.baseUrl }], chain('a', 'b'));
    const res = await postChat(proxy, chatBody({ model: 'chain' }));
    expect(res.status).toBe(200);
    expect((await res.json()).choices[0].message.content).toBe('from b');
    expect(lastLog(proxy)).toMatchObject({ backend: 'b', attempts: 2, failovers: ['connect'], status: 200 });
  });

  it('moves on from a 500 and from a 429, without waiting for Retry-After on another backend', async () => {
    const failing = await upstream(errorReply(500, 'boom'));
    const limited = await upstream(errorReply(429, 'slow down', { 'retry-after': '30' }));
    const good = await upstream(json(completion('from c')));
    const proxy = await proxyFor(
      [{ name: 'a', baseUrl: failing.baseUrl }, { name: 'b', baseUrl: limited.baseUrl }, { name: 'c', baseUrl: good.baseUrl }],
      chain('a', 'b', 'c'),
    );
    const res = await postChat(proxy, chatBody({ model: 'chain' }));
    expect(res.status).toBe(200);
    expect(lastLog(proxy).failovers).toEqual(['status_500', 'status_429']);
    expect(good.requests).toHaveLength(1);
  });

  it('retries a single backend after its Retry-After (capped by the backoff maximum)', async () => {
    let calls = 0;
    const flaky = await upstream((req, res) => (++calls === 1 ? errorReply(429, 'later', { 'retry-after': '1' }) : json(completion('ok')))(req, res));
    const proxy = await proxyFor([{ name: 'a', baseUrl: flaky.baseUrl }]);
    const res = await postChat(proxy, chatBody());
    expect(res.status).toBe(200);
    expect(flaky.requests).toHaveLength(2);
  });

  it('moves on when the first byte does not come in time', async () => {
    const silent = await upstream(() => {});
    const good = await upstream(json(completion('from b')));
    const proxy = await proxyFor(
      [{ name: 'a', baseUrl: silent.baseUrl, timeouts: { firstByteMs: 150 } }, { name: 'b', baseUrl: good.baseUrl }],
      chain('a', 'b'),
    );
    const res = await postChat(proxy, chatBody({ model: 'chain' }));
    expect(res.status).toBe(200);
    expect(lastLog(proxy).failovers).toEqual(['timeout']);
  });

  it('fails over a stream whose upstream dies before sending an event', async () => {
    const dying = await upstream((_req, res) => {
      sseHead(res);
      res.flushHeaders();
      setImmediate(() => res.destroy());
    });
    const good = await upstream(sse([chunk({ role: 'assistant', content: 'hi' }), chunk({}, 'stop'), '[DONE]']));
    const proxy = await proxyFor([{ name: 'a', baseUrl: dying.baseUrl }, { name: 'b', baseUrl: good.baseUrl }], chain('a', 'b'));
    const res = await postChat(proxy, chatBody({ model: 'chain', stream: true }));
    const payloads = ssePayloads(await res.text());
    expect(payloads.at(-1)).toBe('[DONE]');
    expect(JSON.parse(payloads[0]).choices[0].delta.content).toBe('hi');
  });

  it('passes a non-retryable client error through without failover', async () => {
    const picky = await upstream(json({ error: { message: "Invalid value for 'temperature'", type: 'invalid_request_error', param: 'temperature', code: 'invalid_value' } }, 400));
    const good = await upstream(json(completion('unused')));
    const proxy = await proxyFor([{ name: 'a', baseUrl: picky.baseUrl }, { name: 'b', baseUrl: good.baseUrl }], chain('a', 'b'));
    const res = await postChat(proxy, chatBody({ model: 'chain', temperature: 9 }));
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ param: 'temperature', code: 'invalid_value' });
    expect(good.requests).toHaveLength(0);
  });

  it('answers 502 naming the backends when every attempt fails', async () => {
    const proxy = await proxyFor(
      [{ name: 'a', baseUrl: `http://127.0.0.1:${await refusedPort()}/v1` }, { name: 'b', baseUrl: `http://127.0.0.1:${await refusedPort()}/v1` }],
      chain('a', 'b'),
    );
    const res = await postChat(proxy, chatBody({ model: 'chain' }));
    expect(res.status).toBe(502);
    const { error } = await res.json();
    expect(error).toMatchObject({ type: 'server_error', code: 'upstream_unavailable', param: null });
    expect(error.message).toMatch(/a: could not connect; b: could not connect/);
  });
});

describe('after the first byte', () => {
  it('ends a broken stream with an error event and no [DONE], and does not fail over', async () => {
    const breaking = await upstream((_req, res) => {
      sseHead(res);
      res.write(`data: ${chunk({ role: 'assistant', content: 'Hel' })}\n\n`);
      setTimeout(() => res.destroy(), 20);
    });
    const good = await upstream(sse([chunk({ content: 'unused' }, 'stop'), '[DONE]']));
    const proxy = await proxyFor([{ name: 'a', baseUrl: breaking.baseUrl }, { name: 'b', baseUrl: good.baseUrl }], chain('a', 'b'));
    const res = await postChat(proxy, chatBody({ model: 'chain', stream: true }));
    expect(res.status).toBe(200);
    const payloads = ssePayloads(await res.text());
    expect(JSON.parse(payloads[0]).choices[0].delta.content).toBe('Hel');
    expect(payloads).not.toContain('[DONE]');
    expect(JSON.parse(payloads.at(-1) ?? '{}').error).toMatchObject({ type: 'server_error', code: 'upstream_stream_failed' });
    expect(good.requests).toHaveLength(0);
  });

  it('reports a stream that ends without [DONE] instead of truncating silently', async () => {
    const cut = await upstream(sse([chunk({ role: 'assistant', content: 'partial' })]));
    const proxy = await proxyFor([{ name: 'a', baseUrl: cut.baseUrl }]);
    const payloads = ssePayloads(await (await postChat(proxy, chatBody({ stream: true }))).text());
    expect(payloads).not.toContain('[DONE]');
    expect(JSON.parse(payloads.at(-1) ?? '{}').error.code).toBe('upstream_stream_failed');
  });
});

describe('circuit breaking', () => {
  it('stops trying a backend after failureThreshold consecutive failures', async () => {
    const failing = await upstream(errorReply(503, 'down'));
    const good = await upstream(json(completion('ok')));
    const proxy = await proxyFor([{ name: 'a', baseUrl: failing.baseUrl }, { name: 'b', baseUrl: good.baseUrl }], {
      ...chain('a', 'b'),
      health: { failureThreshold: 2, cooldownMs: 60_000 },
    });
    for (let i = 0; i < 4; i++) expect((await postChat(proxy, chatBody({ model: 'chain' }))).status).toBe(200);
    expect(failing.requests).toHaveLength(2);
    expect(good.requests).toHaveLength(4);
    const metrics = await proxy.metrics.metrics();
    expect(metrics).toMatch(/dropin_circuit_state\{backend="a"\} 2/);
  });
});
