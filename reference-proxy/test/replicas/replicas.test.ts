// Three `dropin proxy` processes sharing one real redis-server, as replicas behind a load
// balancer, with a client spreading requests over them: the global request and token limits
// hold within 10%, one replica's probe or failures open the circuit on all of them, and killing
// Redis mid-run loses no request (each replica falls back to its own state, says so once, and
// shares again once Redis is back). No secret reaches a log, a metric or /readyz.
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needs } from '../../../conformance/test/requirements.ts';
import { estimatePromptTokens } from '../../routing/estimate-tokens.ts';
import { startProxyProcess, type ProxyProcess } from '../helpers/proxy-process.ts';
import { redisRequirement, startRedis, until, type TestRedis } from '../helpers/redis-server.ts';
import { completion, errorReply, json } from '../helpers/replies.ts';
import { startUpstream, type FakeUpstream } from '../helpers/upstream.ts';

const hasRedis = needs(redisRequirement());

const REDIS_PASSWORD = 'replica-redis-secret-42';
const KEYS = { requests: 'sk-team-requests-0001', tokens: 'sk-team-tokens-0002', free: 'sk-team-free-0003' };
const RPM = 60;
const TPM = 600;
const PROBE_MS = 2_000;
const body = { model: 'test-model', messages: [{ role: 'user', content: 'Say hi' }] };

/** A backend with a health endpoint that can be killed: refused connections from then on. */
async function startDoomed(): Promise<{ baseUrl: string; healthHits: () => number; kill(): Promise<void> }> {
  let hits = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    if (req.url === '/health') hits++;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(req.url === '/health' ? '{"status":"ok"}' : JSON.stringify(completion('doomed')));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    healthHits: () => hits,
    kill: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

let redis: TestRedis;
let main: FakeUpstream;
let flaky: FakeUpstream;
let doomed: Awaited<ReturnType<typeof startDoomed>>;
let replicas: ProxyProcess[] = [];

const ask = (replica: ProxyProcess, key: string, model = 'test-model') =>
  fetch(`${replica.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ...body, model }),
  });

async function metric(replica: ProxyProcess, line: string): Promise<number | undefined> {
  const text = await (await fetch(`${replica.url}/metrics`)).text();
  const found = text.split('\n').find((l) => l.startsWith(`${line} `));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
}

const circuit = (replica: ProxyProcess, backend: string) => metric(replica, `dropin_circuit_state{backend="${backend}"}`);

/** `total` requests over the replicas in turn, `concurrency` at a time; `onDone(n)` after each answer. */
async function spread(total: number, concurrency: number, send: (replica: ProxyProcess, i: number) => Promise<Response>, onDone: (done: number) => Promise<void> | void = () => {}) {
  const results: Array<{ status: number; body: any; headers: Headers }> = new Array(total);
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const res = await send(replicas[i % replicas.length], i);
        results[i] = { status: res.status, body: await res.json(), headers: res.headers };
        await onDone(++done);
      }
    }),
  );
  return results;
}

describe.skipIf(!hasRedis)('three replicas sharing Redis', () => {
  beforeAll(async () => {
    redis = await startRedis({ password: REDIS_PASSWORD });
    main = await startUpstream(json(completion('hello from main')));
    flaky = await startUpstream(errorReply(500, 'boom'));
    doomed = await startDoomed();
    const config = {
      listen: { host: '127.0.0.1', port: 0 },
      // scripted upstreams answer every path: pinned to the raw profile, so identification requests
      // (profile auto) do not reach them and every request a test counts is a client's
      backends: [
        { name: 'main', baseUrl: main.baseUrl, models: ['test-model'], profile: 'openai' },
        { name: 'flaky', baseUrl: flaky.baseUrl, models: ['flaky-model'], profile: 'openai' },
        { name: 'doomed', baseUrl: doomed.baseUrl, models: ['doomed-model'], healthPath: '/health', profile: 'openai' },
      ],
      auth: {
        keys: [
          { name: 'requests', key: 'env:KEY_REQUESTS', rateLimit: { requestsPerMinute: RPM } },
          { name: 'tokens', key: 'env:KEY_TOKENS', rateLimit: { tokensPerMinute: TPM } },
          { name: 'free', key: 'env:KEY_FREE', rateLimit: { requestsPerMinute: 1_000_000 } },
        ],
      },
      retry: { backoffMs: { initial: 1, max: 10 } },
      health: { failureThreshold: 3, cooldownMs: 120_000, probeIntervalMs: PROBE_MS },
      // a generous timeout: a busy test machine must not look like a stalled Redis
      state: { redis: { url: 'env:REDIS_URL', timeoutMs: 2_000 } },
    };
    const env = { REDIS_URL: redis.url, KEY_REQUESTS: KEYS.requests, KEY_TOKENS: KEYS.tokens, KEY_FREE: KEYS.free };
    replicas = await Promise.all([1, 2, 3].map(() => startProxyProcess(config, env)));
    await Promise.all(replicas.map(async (r) => expect((await (await fetch(`${r.url}/readyz`)).json()).state).toMatchObject({ store: 'redis' })));
  });

  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.stop()));
    await Promise.all([main?.close(), flaky?.close(), doomed?.kill().catch(() => {})]);
    await redis?.stop();
  });

  it('holds the global requests-per-minute limit within 10%', async () => {
    const started = Date.now();
    const results = await spread(RPM * 3, 6, (r) => ask(r, KEYS.requests));
    const elapsedMs = Date.now() - started;
    const allowed = results.filter((r) => r.status === 200).length;
    // a full bucket of RPM, plus what refilled while the test ran
    const expected = RPM + (RPM * elapsedMs) / 60_000;
    console.info(`dropin: ${allowed} of ${results.length} requests allowed over 3 replicas, limit ${expected.toFixed(1)} (${RPM}/min + refill)`);
    expect(Math.abs(allowed - expected)).toBeLessThanOrEqual(expected * 0.1);
    for (const refused of results.filter((r) => r.status !== 200)) {
      expect(refused.status).toBe(429);
      expect(refused.body.error.code).toBe('rate_limit_exceeded');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  it('holds the global tokens-per-minute limit within 10%', async () => {
    const perRequest = estimatePromptTokens(body) + completion('x').usage.completion_tokens;
    const started = Date.now();
    let allowed = 0;
    for (let i = 0; ; i++) {
      const res = await ask(replicas[i % 3], KEYS.tokens);
      await res.json();
      if (res.status !== 200) {
        expect(res.status).toBe(429);
        break;
      }
      allowed++;
    }
    const expected = (TPM + (TPM * (Date.now() - started)) / 60_000) / perRequest;
    console.info(`dropin: ${allowed} requests of ${perRequest} tokens allowed over 3 replicas, limit ${expected.toFixed(1)} (${TPM} tokens/min + refill)`);
    expect(Math.abs(allowed - expected)).toBeLessThanOrEqual(expected * 0.1);
  });

  it('runs one probe round per interval across replicas, and a dead backend opens the circuit on all of them within one interval', async () => {
    const before = doomed.healthHits();
    await new Promise((resolve) => setTimeout(resolve, PROBE_MS * 3));
    // three replicas probing on their own would make about 9 rounds here
    expect(doomed.healthHits() - before).toBeLessThanOrEqual(4);
    expect(await Promise.all(replicas.map((r) => circuit(r, 'doomed')))).toEqual([0, 0, 0]);

    const killedAt = Date.now();
    await doomed.kill();
    let allOpenAfterMs = Infinity;
    while (Date.now() - killedAt < PROBE_MS * 3) {
      const states = await Promise.all(replicas.map((r) => circuit(r, 'doomed')));
      if (states.every((s) => s === 2)) {
        allOpenAfterMs = Date.now() - killedAt;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    console.info(`dropin: circuit open on all 3 replicas ${allOpenAfterMs} ms after the backend died (probe interval ${PROBE_MS} ms)`);
    // one interval, plus what it takes to read three /metrics pages on a busy machine (the round
    // after next would come a whole interval later)
    expect(allOpenAfterMs).toBeLessThanOrEqual(PROBE_MS + 1_000);
  });

  it('opens the circuit everywhere when one replica sees the failures', async () => {
    const res = await ask(replicas[0], KEYS.free, 'flaky-model');
    expect(res.status).toBe(500);
    expect(flaky.requests).toHaveLength(3);
    const states = async () => Promise.all(replicas.map((r) => circuit(r, 'flaky')));
    const deadline = Date.now() + 5_000;
    let seen = await states();
    while (!seen.every((s) => s === 2) && Date.now() < deadline) seen = await states();
    expect(seen).toEqual([2, 2, 2]);
    expect(flaky.requests).toHaveLength(3);
  });

  it('answers every request while Redis is killed mid-run and restarted, then shares again', async () => {
    let outageSeen = false;
    const results = await spread(300, 6, (r) => ask(r, KEYS.free), async (done) => {
      if (done === 100) await redis.kill();
      if (done === 150 && !outageSeen) {
        const ready = await (await fetch(`${replicas[1].url}/readyz`)).json();
        expect(ready.state).toEqual({ store: 'redis', connected: false, endpoint: `127.0.0.1:${redis.port}` });
        expect(await metric(replicas[1], 'dropin_shared_state_connected')).toBe(0);
        outageSeen = true;
      }
      if (done === 200) await redis.restart();
    });
    expect(outageSeen).toBe(true);
    expect(results.map((r) => r.status)).toEqual(new Array(300).fill(200));
    expect(new Set(results.map((r) => r.body.choices[0].message.content))).toEqual(new Set(['hello from main']));

    const deadline = Date.now() + 15_000;
    for (const r of replicas) {
      while ((await (await fetch(`${r.url}/readyz`)).json()).state.connected !== true) {
        if (Date.now() > deadline) throw new Error('a replica did not reconnect to Redis');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(await metric(r, 'dropin_shared_state_connected')).toBe(1);
      // said once per outage: a replica that had no command in flight while Redis was down (its
      // client queued them and reconnected in time) has nothing to say, which is right too
      const warnings = r.stdout.filter((l) => l.includes('shared state'));
      const down = warnings.filter((l) => l.includes('unreachable')).length;
      expect(down).toBeLessThanOrEqual(1);
      expect(warnings.filter((l) => l.includes('answers again'))).toHaveLength(down);
    }
    // the replica whose /readyz showed the outage logged it
    expect(replicas[1].stdout.filter((l) => l.includes('shared state') && l.includes('unreachable'))).toHaveLength(1);
    const fallbacks = await Promise.all(replicas.map((r) => metric(r, 'dropin_shared_state_fallbacks_total{operation="rate_limit"}')));
    expect(fallbacks.reduce((a, b) => (a ?? 0) + (b ?? 0), 0)).toBeGreaterThan(0);

    for (const r of replicas) {
      const exposed = [...r.stdout, ...r.stderr, await (await fetch(`${r.url}/metrics`)).text(), await (await fetch(`${r.url}/readyz`)).text()].join('\n');
      expect(exposed).not.toContain(REDIS_PASSWORD);
      for (const key of Object.values(KEYS)) expect(exposed).not.toContain(key);
    }
  });
});
