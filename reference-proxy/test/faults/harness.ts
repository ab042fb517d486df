// Runs one upstream fault through a real proxy and checks that nothing is left behind: no
// unhandled rejection or uncaught exception, no socket or timer still active once the proxy has
// settled, no upstream response the proxy left hanging. Every connection closes after its
// response (`connection: close` on both sides), so a socket still open after a case is a leak,
// not keep-alive.
import type { ServerResponse } from 'node:http';
import { request } from 'undici';
import { expect } from 'vitest';
import { chatBody, startTestProxy, type TestBackend, type TestProxy } from '../helpers/proxy.ts';
import { refusedPort, startUpstream, type FakeUpstream, type Reply } from '../helpers/upstream.ts';

/** Resource kinds that are the test runner's own file I/O, not the proxy's. */
const IGNORED = new Set(['FSReqCallback', 'FSReqPromise', 'Immediate']);

export function activeResources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) if (!IGNORED.has(kind)) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

/**
 * Waits until no kind of resource is above the baseline (sockets closing, timers firing). A leak
 * stays for good; settling takes milliseconds, but on two cores busy with other test files a
 * closing socket's or undici's timer tick has been seen to take over 5 s, so the poll allows 15.
 */
export async function expectSettledTo(baseline: Record<string, number>): Promise<void> {
  const excess = () => Object.entries(activeResources()).filter(([kind, n]) => n > (baseline[kind] ?? 0)).map(([kind, n]) => `${kind} ${n} > ${baseline[kind] ?? 0}`);
  await expect.poll(excess, { timeout: 15_000, interval: 20 }).toEqual([]);
}

/** Collects unhandled rejections and uncaught exceptions while installed. */
export function watchProcessErrors(): { errors: unknown[]; dispose(): void } {
  const errors: unknown[] = [];
  const onError = (error: unknown) => errors.push(error);
  process.on('unhandledRejection', onError);
  process.on('uncaughtException', onError);
  return {
    errors,
    dispose() {
      process.off('unhandledRejection', onError);
      process.off('uncaughtException', onError);
    },
  };
}

export interface FaultUpstream extends FakeUpstream {
  /** responses begun but neither finished nor closed: an upstream request the proxy forgot */
  unfinished(): number;
}

/** A loopback upstream answering with `reply`, closing each connection after its response; 'refused': a port nobody listens on. */
export async function startFaultUpstream(reply: Reply | 'refused'): Promise<FaultUpstream> {
  if (reply === 'refused') {
    const baseUrl = `http://127.0.0.1:${await refusedPort()}/v1`;
    return { baseUrl, requests: [], abortedResponse: new Promise(() => {}), close: async () => {}, unfinished: () => 0 };
  }
  const pending = new Set<ServerResponse>();
  const up = await startUpstream((req, res) => {
    res.shouldKeepAlive = false;
    pending.add(res);
    res.on('close', () => pending.delete(res));
    return reply(req, res);
  });
  return Object.assign(up, { unfinished: () => pending.size });
}

export interface ClientAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** One chat request with a connection that closes after the answer. */
export async function sendChat(proxy: TestProxy, body: Record<string, unknown>): Promise<ClientAnswer> {
  return send(proxy, '/v1/chat/completions', chatBody(body));
}

/** One request to any endpoint of the proxy, with a connection that closes after the answer. */
export async function send(proxy: TestProxy, path: string, body: Record<string, unknown>): Promise<ClientAnswer> {
  const res = await request(`${proxy.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', connection: 'close' },
    body: JSON.stringify(body),
  });
  return { status: res.statusCode, headers: res.headers, text: await res.body.text() };
}

export interface Scene {
  proxy: TestProxy;
  bad: FaultUpstream;
  good?: FaultUpstream;
  close(): Promise<void>;
}

/**
 * A proxy in front of the faulty backend "bad" and, when given, a healthy "good": the public
 * model "chain" tries bad, then good. Retries are short so a lone bad backend fails fast.
 * `backend` is config both backends share (e.g. `apis`).
 */
export async function startScene(
  fault: Reply | 'refused',
  opts: { good?: Reply; badTimeouts?: object; badProfile?: string; backend?: Record<string, unknown>; extra?: Record<string, unknown> } = {},
): Promise<Scene> {
  const bad = await startFaultUpstream(fault);
  const good = opts.good ? await startFaultUpstream(opts.good) : undefined;
  const timeouts = { connectMs: 1_000, firstByteMs: 300, totalMs: 3_000, ...opts.badTimeouts };
  const backends: TestBackend[] = [{ name: 'bad', baseUrl: bad.baseUrl, timeouts, profile: opts.badProfile ?? 'openai', ...opts.backend }];
  if (good) backends.push({ name: 'good', baseUrl: good.baseUrl, ...opts.backend });
  const chain = backends.map((b) => ({ backend: b.name, model: 'test-model' }));
  const proxy = await startTestProxy(backends, {
    aliases: { chain },
    retry: { attempts: 2, backoffMs: { initial: 1, max: 10 } },
    health: { failureThreshold: 100, cooldownMs: 1_000 },
    ...opts.extra,
  });
  return {
    proxy,
    bad,
    good,
    close: async () => {
      await proxy.close();
      await Promise.all([bad.close(), good?.close()]);
    },
  };
}

export function lastLog(proxy: TestProxy): Record<string, any> {
  return JSON.parse(proxy.logs.at(-1) ?? '{}');
}

/**
 * Runs `play` against a fresh scene, then checks the proxy settled (no extra socket or timer
 * while it still runs, no upstream response left open), that closing everything returns the
 * process to where it was, and that nothing was thrown into the void on the way.
 */
export async function playScene(fault: Reply | 'refused', opts: Parameters<typeof startScene>[1], play: (scene: Scene) => Promise<void>): Promise<void> {
  const before = activeResources();
  const watch = watchProcessErrors();
  try {
    const scene = await startScene(fault, opts);
    try {
      const running = activeResources();
      await play(scene);
      await expectSettledTo(running);
      expect(scene.bad.unfinished()).toBe(0);
      expect(scene.good?.unfinished() ?? 0).toBe(0);
    } finally {
      await scene.close();
    }
    await expectSettledTo(before);
    expect(watch.errors).toEqual([]);
  } finally {
    watch.dispose();
  }
}

/** The OpenAI error envelope, exactly its four fields. */
export function expectEnvelope(text: string): { message: string; type: string; param: string | null; code: string | null } {
  const body = JSON.parse(text);
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
  return body.error;
}
