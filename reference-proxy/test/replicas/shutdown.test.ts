// Graceful shutdown of a real `dropin proxy` process with live streams from a slow upstream,
// read by the official openai SDK: SIGTERM stops new connections, /readyz answers 503 at once on
// a connection that was already open, streams that can finish within shutdown.drainMs finish,
// the one that cannot ends with an OpenAI error event, its upstream request is aborted, and the
// process exits 0.
import OpenAI from 'openai';
import { Client } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProxyProcess, type ProxyProcess } from '../helpers/proxy-process.ts';
import { chunk, sseHead } from '../helpers/replies.ts';
import { startUpstream, type FakeUpstream } from '../helpers/upstream.ts';

const SHORT_PARTS = 5;
const LONG_PARTS = 600;
const PART_MS = 100;
const DRAIN_MS = 3_000;

let upstream: FakeUpstream;
let proxy: ProxyProcess;

beforeAll(async () => {
  // streams `n` parts, one every PART_MS, then [DONE]; stops when the proxy hangs up
  upstream = await startUpstream(async (req, res) => {
    const n = String(req.body.messages[0].content) === 'long' ? LONG_PARTS : SHORT_PARTS;
    sseHead(res);
    res.write(`data: ${chunk({ role: 'assistant', content: '' })}\n\n`);
    for (let i = 0; i < n && !res.destroyed; i++) {
      await new Promise((resolve) => setTimeout(resolve, PART_MS));
      res.write(`data: ${chunk({ content: `p${i} ` })}\n\n`);
    }
    if (res.destroyed) return;
    res.write(`data: ${chunk({}, 'stop')}\n\ndata: [DONE]\n\n`);
    res.end();
  });
  proxy = await startProxyProcess({
    listen: { host: '127.0.0.1', port: 0 },
    // a scripted upstream that answers every path: the raw profile keeps identification GETs away
    backends: [{ name: 'slow', baseUrl: upstream.baseUrl, models: ['test-model'], profile: 'openai' }],
    shutdown: { drainMs: DRAIN_MS },
  });
});

afterAll(async () => {
  await proxy?.stop();
  await upstream?.close();
});

interface Outcome {
  content: string;
  error?: { code?: unknown; message: string };
}

/** Starts a stream; `started` resolves with its first chunk, `done` when it ends or throws. */
function stream(sdk: OpenAI, which: 'short' | 'long'): { started: Promise<void>; done: Promise<Outcome> } {
  let onStart: () => void = () => {};
  const started = new Promise<void>((resolve) => (onStart = resolve));
  const done = (async (): Promise<Outcome> => {
    let content = '';
    try {
      const chunks = await sdk.chat.completions.create({ model: 'test-model', messages: [{ role: 'user', content: which }], stream: true });
      for await (const c of chunks) {
        content += c.choices[0]?.delta?.content ?? '';
        onStart();
      }
      return { content };
    } catch (error) {
      onStart();
      return { content, error: { code: (error as { code?: unknown }).code, message: (error as Error).message } };
    }
  })();
  return { started, done };
}

const full = (n: number) => Array.from({ length: n }, (_, i) => `p${i} `).join('');

describe('SIGTERM', () => {
  it('drains: readyz 503 at once, short streams finish, the long one ends with an error event, exit 0', async () => {
    const sdk = new OpenAI({ baseURL: `${proxy.url}/v1`, apiKey: 'unused', maxRetries: 0 });
    const kept = new Client(proxy.url, { keepAliveTimeout: 60_000 });
    const before = await kept.request({ path: '/readyz', method: 'GET' });
    expect(before.statusCode).toBe(200);
    await before.body.dump();

    const streams = [stream(sdk, 'short'), stream(sdk, 'short'), stream(sdk, 'long')];
    await Promise.all(streams.map((s) => s.started));
    proxy.signal('SIGTERM');
    await proxy.waitForStderr(/draining/);

    const ready = await kept.request({ path: '/readyz', method: 'GET' });
    expect(ready.statusCode).toBe(503);
    expect(ready.headers.connection).toBe('close');
    expect(((await ready.body.json()) as { error: { code: string } }).error.code).toBe('shutting_down');
    await expect(fetch(`${proxy.url}/healthz`)).rejects.toMatchObject({ cause: { code: 'ECONNREFUSED' } });

    const [short1, short2, long] = await Promise.all(streams.map((s) => s.done));
    expect(short1).toEqual({ content: full(SHORT_PARTS) });
    expect(short2).toEqual({ content: full(SHORT_PARTS) });
    expect(long.error?.code).toBe('server_shutting_down');
    expect(long.error?.message).toMatch(/shutting down/);
    expect(long.content.length).toBeGreaterThan(0);
    expect(full(LONG_PARTS).startsWith(long.content)).toBe(true);
    expect(long.content.length).toBeLessThan(full(LONG_PARTS).length);
    await upstream.abortedResponse;

    expect(await proxy.exited).toBe(0);
    const logged = proxy.stdout.map((l) => JSON.parse(l)).filter((l) => l.path === '/v1/chat/completions');
    expect(logged.map((l) => l.error ?? 'ok').sort()).toEqual(['ok', 'ok', 'server_shutting_down']);
    await kept.close();
  });
});
