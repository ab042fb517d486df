// Slow clients (slowloris): headers or a body trickled slower than the configured timeouts cost
// the client its connection, not the proxy its other clients. The per-test timeouts are far above
// the configured limits; they only catch a proxy that never enforces them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completion, json } from '../helpers/replies.ts';
import { chatBody, postChat, startTestProxy, type TestProxy } from '../helpers/proxy.ts';
import { startUpstream, type FakeUpstream } from '../helpers/upstream.ts';
import { rawExchange, type RawAnswer } from './raw-http.ts';

let up: FakeUpstream;
let proxy: TestProxy;
beforeAll(async () => {
  up = await startUpstream(json(completion('hi')));
  proxy = await startTestProxy([{ name: 'a', baseUrl: up.baseUrl }], { limits: { headersTimeoutMs: 300, requestTimeoutMs: 600 } });
});
afterAll(async () => {
  await proxy.close();
  await up.close();
});

/** Closed by the server: either a 408 in the envelope, or without an answer. */
function expectTimedOut(answer: RawAnswer, writes: number) {
  expect(answer.written).toBeLessThan(writes);
  if (answer.status === 0) return;
  expect(answer.status).toBe(408);
  expect(JSON.parse(answer.body).error.code).toBe('bad_http_request');
}

async function expectResponsive() {
  expect((await fetch(`${proxy.url}/healthz`)).status).toBe(200);
  expect((await postChat(proxy, chatBody())).status).toBe(200);
}

describe('slow clients', () => {
  it('closes a connection whose headers trickle in slower than headersTimeoutMs, and serves others meanwhile', { timeout: 10_000 }, async () => {
    const headerLines = Array.from({ length: 100 }, (_, i) => `X-Slow-${i}: ${i}\r\n`);
    const slow = rawExchange(proxy.port, ['POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n', ...headerLines], { gapMs: 100 });
    await expectResponsive();
    expectTimedOut(await slow, 101);
    await expectResponsive();
  });

  it('closes a connection whose body trickles in slower than requestTimeoutMs, without calling the backend', { timeout: 10_000 }, async () => {
    const body = JSON.stringify(chatBody());
    const head = `POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const before = up.requests.length;
    const slow = rawExchange(proxy.port, [head, ...body.split('')], { gapMs: 100 });
    await expectResponsive();
    expectTimedOut(await slow, body.length + 1);
    expect(up.requests.length).toBe(before + 1);
    await expectResponsive();
  });

  it('closes a connection that declares a longer body than it sends', { timeout: 10_000 }, async () => {
    const body = JSON.stringify(chatBody());
    const head = `POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length + 10}\r\n\r\n`;
    const answer = await rawExchange(proxy.port, [head + body]);
    expect([0, 408]).toContain(answer.status);
    await expectResponsive();
  });
});
