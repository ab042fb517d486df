// Graceful shutdown in process (the SIGTERM path is tested on a real process in
// replicas/shutdown.test.ts): a request that is no stream and outlives the drain deadline gets a
// 503 envelope and its upstream request is aborted; a request arriving on a kept-alive
// connection during the drain is still served, with Connection: close.
import { Client } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { completion, json } from './helpers/replies.ts';
import { chatBody, startTestProxy, type TestProxy } from './helpers/proxy.ts';
import { startUpstream, type FakeUpstream } from './helpers/upstream.ts';

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.close()));
});

async function setup(reply: Parameters<typeof startUpstream>[0], drainMs: number): Promise<{ up: FakeUpstream; proxy: TestProxy; client: Client }> {
  const up = await startUpstream(reply);
  const proxy = await startTestProxy([{ name: 'a', baseUrl: up.baseUrl }], { shutdown: { drainMs } });
  const client = new Client(proxy.url, { keepAliveTimeout: 60_000 });
  open.push(up, client);
  return { up, proxy, client };
}

const post = (client: Client) =>
  client.request({ path: '/v1/chat/completions', method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(chatBody()) });

describe('shutdown()', () => {
  it('answers a request still waiting at the deadline with 503 server_shutting_down and aborts its upstream call', async () => {
    const { up, proxy, client } = await setup(() => new Promise(() => {}), 200);
    const pending = post(client);
    await expect.poll(() => up.requests.length).toBe(1);
    await proxy.shutdown();
    const res = await pending;
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('1');
    const body = (await res.body.json()) as { error: Record<string, unknown> };
    expect(body.error).toMatchObject({ type: 'server_error', code: 'server_shutting_down' });
    await up.abortedResponse;
    const line = JSON.parse(proxy.logs.find((l) => l.includes('/v1/chat/completions')) as string);
    expect(line).toMatchObject({ status: 503, error: 'server_shutting_down' });
  });

  it('still serves a request that arrives on a kept-alive connection during the drain, telling it to close', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const { proxy, client } = await setup(async (req, res) => {
      if (req.body.messages[0].content === 'hold') await held;
      json(completion('served'))(req, res);
    }, 30_000);
    const warm = await client.request({ path: '/healthz', method: 'GET' });
    await warm.body.dump();
    const other = new Client(proxy.url);
    open.push(other);
    const holding = other.request({ path: '/v1/chat/completions', method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(chatBody({ messages: [{ role: 'user', content: 'hold' }] })) });
    await expect.poll(async () => (await (await fetch(`${proxy.url}/metrics`)).text()).includes('dropin_upstream_attempts_total{backend="a"} 1')).toBe(true);
    const stopping = proxy.shutdown();
    const late = await client.request({ path: '/v1/chat/completions', method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(chatBody()) });
    expect(late.statusCode).toBe(200);
    expect(late.headers.connection).toBe('close');
    expect(((await late.body.json()) as { choices: Array<{ message: { content: string } }> }).choices[0].message.content).toBe('served');
    release();
    expect((await holding).statusCode).toBe(200);
    await stopping;
  });
});
