// Shared state across runtimes: a replica run by Node and one run by Bun, both in front of the
// emulator and sharing a real redis-server, are one proxy to their clients — a key's rate limit
// is counted once across both, and a Responses conversation begun on one continues on the other
// (previous_response_id and item_reference), each reading the other's stored responses.
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needs } from '../../../conformance/test/requirements.ts';
import { startEmulator, type RunningEmulator } from '../../../fixtures/emulator/index.ts';
import { startProxyProcess, type ProxyProcess } from '../helpers/proxy-process.ts';
import { redisRequirement, startRedis, type TestRedis } from '../helpers/redis-server.ts';

const hasRedis = needs(redisRequirement());
const MODEL = 'dropin-emulator-1';
const RPM = 6;
const KEYS = { limited: 'sk-bun-replicas-limited-0123456789', open: 'sk-bun-replicas-open-0123456789' };
const PICK = 'Reply with exactly one English noun of your choice, and nothing else.';
const REPEAT = 'Repeat the noun you replied with in your previous answer, and nothing else.';

describe.skipIf(!hasRedis)('a Node replica and a Bun replica sharing Redis', () => {
  let redis: TestRedis;
  let emulator: RunningEmulator;
  let node: ProxyProcess;
  let bun: ProxyProcess;

  beforeAll(async () => {
    redis = await startRedis({ password: 'bun-replicas-pass-31' });
    // chat only: every Responses turn goes through the translation and the proxy's own store
    emulator = await startEmulator({ profile: 'ollama-0.13' });
    const config = {
      listen: { host: '127.0.0.1', port: 0 },
      backends: [{ name: 'ollama', baseUrl: emulator.url, profile: 'auto', models: [MODEL] }],
      auth: {
        keys: [
          { name: 'limited', key: 'env:KEY_LIMITED', rateLimit: { requestsPerMinute: RPM } },
          { name: 'open', key: 'env:KEY_OPEN' },
        ],
      },
      // a generous timeout: a busy test machine must not look like a stalled Redis
      state: { redis: { url: 'env:REDIS_URL', timeoutMs: 2_000 } },
    };
    const env = { REDIS_URL: redis.url, KEY_LIMITED: KEYS.limited, KEY_OPEN: KEYS.open };
    [node, bun] = await Promise.all([startProxyProcess(config, env, 'node'), startProxyProcess(config, env, 'bun')]);
  });
  afterAll(async () => {
    await Promise.all([node?.stop(), bun?.stop()]);
    await emulator?.close();
    await redis?.stop();
  });

  const client = (p: ProxyProcess, key: string) => new OpenAI({ baseURL: `${p.url}/v1`, apiKey: key, maxRetries: 0 });

  it('both report the Redis store ready', async () => {
    for (const p of [node, bun]) expect((await (await fetch(`${p.url}/readyz`)).json()).state).toMatchObject({ store: 'redis' });
  });

  it('count a key’s requests per minute once across both runtimes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < RPM + 2; i++) {
      const res = await fetch(`${(i % 2 === 0 ? node : bun).url}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${KEYS.limited}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: MODEL, messages: [{ role: 'user', content: 'Say hello' }], max_tokens: 8 }),
      });
      await res.arrayBuffer();
      statuses.push(res.status);
    }
    // alone, each replica would have allowed all of its four
    expect(statuses).toEqual([...Array(RPM).fill(200), 429, 429]);
  });

  it('continue a Responses conversation begun on the other runtime, by id and by item_reference', async () => {
    const onNode = client(node, KEYS.open);
    const onBun = client(bun, KEYS.open);
    const first = await onNode.responses.create({ model: MODEL, input: PICK, max_output_tokens: 16 });
    const byId = await onBun.responses.create({ model: MODEL, previous_response_id: first.id, input: REPEAT });
    expect(byId.output_text).toBe(first.output_text);
    const byReference = await onBun.responses
      .stream({ model: MODEL, input: [{ role: 'user', content: PICK }, { type: 'item_reference', id: first.output[0].id! }, { role: 'user', content: REPEAT }] })
      .finalResponse();
    expect(byReference.output_text).toBe(first.output_text);
    expect((await onNode.responses.retrieve(byReference.id)).output_text).toBe(first.output_text);
    expect(await onBun.responses.retrieve(first.id)).toEqual(first);
  });
});
