import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStream } from './stream-client.ts';
import { startUpstream, type Upstream } from './upstream.ts';
import { monotonicUs } from './upstream-body.ts';

let upstream: Upstream;
let base: string;
const dispatcher = new Agent();

beforeAll(async () => {
  upstream = await startUpstream({ chunks: 4, delayMs: 2 });
  base = `http://127.0.0.1:${upstream.port}/v1`;
});
afterAll(async () => {
  await dispatcher.close();
  await upstream.close();
});

describe('bench upstream', () => {
  it('answers a tiny chat completion', async () => {
    const res = await request(`${base}/chat/completions`, { method: 'POST', body: '{"model":"bench","messages":[]}', dispatcher });
    expect(res.statusCode).toBe(200);
    expect(await res.body.json()).toMatchObject({ object: 'chat.completion', model: 'bench' });
  });

  it('streams the default number of chunks, stamped on the shared clock, then [DONE]', async () => {
    const before = monotonicUs();
    const r = await runStream({ baseUrl: base, headers: {}, model: 'bench', dispatcher });
    expect(r).toMatchObject({ status: 200, done: true });
    expect(r.events).toHaveLength(4);
    for (const e of r.events) {
      expect(e.sentUs).toBeGreaterThanOrEqual(before);
      expect(e.arrivalUs).toBeGreaterThanOrEqual(e.sentUs ?? Infinity);
    }
  });

  it('takes the stream shape from the model name', async () => {
    const r = await runStream({ baseUrl: base, headers: {}, model: 'bench-7x0ms', dispatcher });
    expect(r.events).toHaveLength(7);
    expect(r.done).toBe(true);
  });

  it('answers other paths with an OpenAI error envelope', async () => {
    const res = await request(`${base}/embeddings`, { method: 'POST', body: '{}', dispatcher });
    expect(res.statusCode).toBe(404);
    expect(await res.body.json()).toMatchObject({ error: { type: 'invalid_request_error', code: 'unknown_url' } });
  });
});
