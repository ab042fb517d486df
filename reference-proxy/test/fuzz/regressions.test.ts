// Bugs the fuzzers found, pinned as plain examples so they stay fixed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completion, json } from '../helpers/replies.ts';
import { chatBody, postChat, startTestProxy, type TestProxy } from '../helpers/proxy.ts';
import { startUpstream, type FakeUpstream } from '../helpers/upstream.ts';

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
});
