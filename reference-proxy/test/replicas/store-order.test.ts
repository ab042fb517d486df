// A response is in the shared store before the client has its answer: the proxy reaches Redis
// through a relay that holds every byte it sends for 150 ms, and the moment the client holds the
// answer (a whole one, or a stream's response.completed) the response is read straight from
// Redis — so a next turn sent at once to any replica finds it. Were it stored after the answer
// went out, the read would come 150 ms too early.
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needs } from '../../../conformance/test/requirements.ts';
import { startEmulator, type RunningEmulator } from '../../../fixtures/emulator/index.ts';
import type { RedisLink } from '../../state/redis-link.ts';
import { startTestProxy, type TestProxy } from '../helpers/proxy.ts';
import { openLink, redisRequirement, startRedis, type TestRedis } from '../helpers/redis-server.ts';

/** Polls an async condition every 20 ms for up to 10 s. */
async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const hasRedis = needs(redisRequirement());
const MODEL = 'dropin-emulator-1';
const DELAY_MS = 150;

/** A TCP relay to `port` that holds what its clients send for `delayMs` before passing it on. */
async function slowRelay(port: number, delayMs: number): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = createConnection(port, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => {});
      s.on('close', () => (client.destroy(), upstream.destroy()));
    }
    client.on('data', (bytes) => setTimeout(() => upstream.write(bytes), delayMs));
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('relay has no port');
  return {
    port: address.port,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe.skipIf(!hasRedis)('a stored response is in Redis before its answer reaches the client', () => {
  let redis: TestRedis;
  let relay: { port: number; close(): Promise<void> };
  let emulator: RunningEmulator;
  let proxy: TestProxy;
  let direct: RedisLink;
  let client: OpenAI;

  beforeAll(async () => {
    redis = await startRedis({ password: 'store-order-pass-53' });
    relay = await slowRelay(redis.port, DELAY_MS);
    emulator = await startEmulator({ profile: 'ollama-0.13' });
    const url = redis.url.replace(`:${redis.port}`, `:${relay.port}`);
    proxy = await startTestProxy([{ name: 'ollama', baseUrl: emulator.url, profile: 'auto', models: [MODEL] }], {
      state: { redis: { url, keyPrefix: 'order', timeoutMs: 2_000 } },
    });
    direct = await openLink(redis.url, { keyPrefix: 'order' });
    // the proxy's own link connects through the slow relay too
    await until(async () => (await (await fetch(`${proxy.url}/readyz`)).json()).state.connected === true, 'the proxy to reach Redis');
    client = new OpenAI({ baseURL: `${proxy.url}/v1`, apiKey: 'unused', maxRetries: 0 });
  });
  afterAll(async () => {
    await direct?.close();
    await proxy?.close();
    await emulator?.close();
    await relay?.close();
    await redis?.stop();
  });

  const storedNow = (id: string) => direct.run((c) => c.exists(`order:responses:response::${id}`));

  it('a whole answer', async () => {
    const answer = await client.responses.create({ model: MODEL, input: 'Say hello', max_output_tokens: 16 });
    expect(await storedNow(answer.id)).toBe(1);
  });

  it('a stream, at its response.completed event', async () => {
    const stream = await client.responses.create({ model: MODEL, input: 'Say hello', max_output_tokens: 16, stream: true });
    for await (const event of stream) {
      if (event.type !== 'response.completed') continue;
      expect(await storedNow(event.response.id)).toBe(1);
      return;
    }
    throw new Error('the stream ended without response.completed');
  });
});
