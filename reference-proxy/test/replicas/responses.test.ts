// Responses conversations across replicas: two proxies sharing a real redis-server (state.redis)
// keep one conversation store, so a conversation begun on one continues on the other, by
// previous_response_id or item_reference, and a response stored by one is read and deleted on
// the other. While Redis does not answer, a turn that needs stored state gets a 503 saying so —
// never a conversation silently continued without its history — and a turn that needs none is
// still served (the write that keeps it fails after it was sent, and is logged).
import OpenAI, { NotFoundError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needs } from '../../../conformance/test/requirements.ts';
import { startEmulator, type RunningEmulator } from '../../../fixtures/emulator/index.ts';
import { startTestProxy, type TestProxy } from '../helpers/proxy.ts';
import { redisRequirement, startRedis, type TestRedis } from '../helpers/redis-server.ts';

const hasRedis = needs(redisRequirement());
const MODEL = 'dropin-emulator-1';
const PICK = 'Reply with exactly one English noun of your choice, and nothing else.';
const REPEAT = 'Repeat the noun you replied with in your previous answer, and nothing else.';

describe.skipIf(!hasRedis)('the conversation store shared by replicas through Redis', () => {
  let redis: TestRedis;
  let emulator: RunningEmulator;
  let replicas: TestProxy[];
  let clients: OpenAI[];

  beforeAll(async () => {
    redis = await startRedis({ password: 'responses-redis-pass-77' });
    emulator = await startEmulator({ profile: 'ollama-0.13' });
    const config = { state: { redis: { url: redis.url, keyPrefix: 'replicas-test' } } };
    replicas = await Promise.all([0, 1].map(() => startTestProxy([{ name: 'ollama', baseUrl: emulator.url, profile: 'auto', models: [MODEL] }], config)));
    clients = replicas.map((r) => new OpenAI({ baseURL: `${r.url}/v1`, apiKey: 'unused', maxRetries: 0 }));
  });
  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.close()));
    await emulator?.close();
    await redis?.stop();
  });

  it('a conversation begun on one replica continues on the other; the other reads and deletes its responses', async () => {
    const [a, b] = clients;
    const first = await a.responses.create({ model: MODEL, input: PICK, max_output_tokens: 16 });
    const byId = await b.responses.create({ model: MODEL, previous_response_id: first.id, input: REPEAT });
    expect(byId.output_text).toBe(first.output_text);
    const byReference = await b.responses.stream({ model: MODEL, input: [{ role: 'user', content: PICK }, { type: 'item_reference', id: first.output[0].id! }, { role: 'user', content: REPEAT }] }).finalResponse();
    expect(byReference.output_text).toBe(first.output_text);
    expect(await b.responses.retrieve(first.id)).toEqual(first);
    await b.responses.delete(first.id);
    await expect(a.responses.retrieve(first.id)).rejects.toThrow(NotFoundError);
  });

  it('while Redis is down: a turn needing stored state gets a 503 naming the store, a fresh one is served and its lost store write logged', async () => {
    const [a] = clients;
    const first = await a.responses.create({ model: MODEL, input: PICK, max_output_tokens: 16 });
    await redis.kill();
    try {
      const continued = await fetch(`${replicas[0].url}/v1/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: MODEL, previous_response_id: first.id, input: REPEAT }) });
      expect(continued.status).toBe(503);
      expect((await continued.json()).error).toMatchObject({ code: 'conversation_store_unavailable' });
      // served; keeping it fails after it was sent, which is logged, not sent to the client
      const fresh = await a.responses.create({ model: MODEL, input: 'Say hello' });
      expect(fresh.status).toBe('completed');
      await expect.poll(() => replicas[0].logs.some((l) => l.includes(`response ${fresh.id} was answered but could not be stored`))).toBe(true);
    } finally {
      await redis.restart();
    }
  });
});
