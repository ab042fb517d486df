// A client that goes away takes its upstream request with it.
import { afterEach, describe, expect, it } from 'vitest';
import { chunk, sseHead } from './helpers/replies.ts';
import { chatBody, startTestProxy } from './helpers/proxy.ts';
import { startUpstream } from './helpers/upstream.ts';

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.close()));
});

describe('client disconnect', () => {
  it('aborts the upstream stream at once', async () => {
    const endless = await startUpstream((_req, res) => {
      sseHead(res);
      res.write(`data: ${chunk({ role: 'assistant', content: 'first' })}\n\n`);
    });
    const proxy = await startTestProxy([{ name: 'a', baseUrl: endless.baseUrl }]);
    open.push(proxy, endless);
    const controller = new AbortController();
    const res = await fetch(`${proxy.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(chatBody({ stream: true })),
      signal: controller.signal,
    });
    const reader = res.body!.getReader();
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toContain('first');
    controller.abort();
    await endless.abortedResponse;
    await expect.poll(() => proxy.logs.length).toBe(1);
    expect(JSON.parse(proxy.logs[0]).status).toBe(499);
  });

  it('aborts a pending non-stream upstream request', async () => {
    const silent = await startUpstream(() => {});
    const proxy = await startTestProxy([{ name: 'a', baseUrl: silent.baseUrl }]);
    open.push(proxy, silent);
    const controller = new AbortController();
    const pending = postChatWithSignal(proxy.url, controller.signal);
    await expect.poll(() => silent.requests.length).toBe(1);
    controller.abort();
    await expect(pending).rejects.toThrow();
    await silent.abortedResponse;
  });
});

function postChatWithSignal(url: string, signal: AbortSignal): Promise<Response> {
  return fetch(`${url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(chatBody()),
    signal,
  });
}

