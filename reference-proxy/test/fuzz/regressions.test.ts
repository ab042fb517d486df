// Bugs the fuzzers found, pinned as plain examples so they stay fixed.
import { MAX_JSON_DEPTH, nestedDeeperThan } from '../../handlers/read-body.ts';
import { once } from 'node:events';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completion, json } from '../helpers/replies.ts';
import { chatBody, postChat, startTestProxy, type TestProxy } from '../helpers/proxy.ts';
import { startUpstream, type FakeUpstream } from '../helpers/upstream.ts';
import { rawExchange } from './raw-http.ts';

let up: FakeUpstream;
let proxy: TestProxy;
beforeAll(async () => {
  up = await startUpstream(json(completion('hi')));
  proxy = await startTestProxy([{ name: 'a', baseUrl: up.baseUrl }]);
});
afterAll(async () => {
  await proxy.close();
  await up.close();
});

describe('found by fuzzing', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('answers 404 for the model name %s, not 500', async (model) => {
    const res = await postChat(proxy, chatBody({ model }));
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('model_not_found');
  });

  it.each([
    ['an unknown field', (deep: string) => `{"model":"test-model","messages":[{"role":"user","content":"x"}],"x":${deep}}`],
    ['message content', (deep: string) => `{"model":"test-model","messages":[{"role":"user","content":${deep}}]}`],
    ['tools', (deep: string) => `{"model":"test-model","messages":[{"role":"user","content":"x"}],"tools":[${deep}]}`],
  ])('answers 400 for 100k nested arrays in %s without calling the backend', async (_where, build) => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const before = up.requests.length;
    const res = await postChat(proxy, build(deep));
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('invalid_json');
    expect(up.requests.length).toBe(before);
  });

  it('accepts nesting up to the limit', async () => {
    const deep = '{"a":'.repeat(MAX_JSON_DEPTH - 3) + '1' + '}'.repeat(MAX_JSON_DEPTH - 3);
    const res = await postChat(proxy, `{"model":"test-model","messages":[{"role":"user","content":"x"}],"x":${deep}}`);
    expect(res.status).toBe(200);
  });
});

describe('answers Node would give without the envelope', () => {
  const body = JSON.stringify(chatBody());
  it.each([
    ['a missing Host header', 400, `POST /v1/chat/completions HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`],
    ['an Expect other than 100-continue', 417, `POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nExpect: banana\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`],
    ['CONNECT', 405, 'CONNECT 127.0.0.1:443 HTTP/1.1\r\nHost: 127.0.0.1:443\r\n\r\n'],
  ])('answers %s with the envelope', async (_what, status, request) => {
    const answer = await rawExchange(proxy.port, [request]);
    expect(answer.status).toBe(status);
    expect(JSON.parse(answer.body).error.code).toBe('bad_http_request');
  });
});

describe('a client leaving mid-body', () => {
  it('is logged as 499, not as a handler failure', async () => {
    const socket = connect(proxy.port, '127.0.0.1');
    await once(socket, 'connect');
    // Node answers 100 Continue as it hands the request to the proxy, so the proxy is reading the body
    socket.write('POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 100\r\n\r\n');
    await once(socket, 'data');
    socket.write('{"model":');
    const before = proxy.logs.length;
    socket.destroy();
    await expect.poll(() => proxy.logs.length).toBeGreaterThan(before);
    expect(proxy.logs.slice(before).join('\n')).not.toContain('handler failed');
    expect(JSON.parse(proxy.logs.at(-1)!).status).toBe(499);
  });
});

describe('nestedDeeperThan', () => {
  it('counts arrays and objects, not brackets inside strings or after escapes', () => {
    expect(nestedDeeperThan('[[{"a":[1]}]]', 4)).toBe(false);
    expect(nestedDeeperThan('[[{"a":[[1]]}]]', 4)).toBe(true);
    expect(nestedDeeperThan('["[[[[[[", "\\", "\"[[[[[["]', 1)).toBe(false);
    expect(nestedDeeperThan('[1],[2],[3]', 1)).toBe(false);
  });
});
