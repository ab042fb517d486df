// The streaming hot path: an openai-profile stream reaches the client byte for byte, and the
// first byte is not held back until the upstream finishes.
import { afterEach, describe, expect, it } from 'vitest';
import { chunk, sseHead, textStream } from './helpers/replies.ts';
import { chatBody, postChat, startTestProxy } from './helpers/proxy.ts';
import { startUpstream } from './helpers/upstream.ts';

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.close()));
});

describe('stream relay', () => {
  it('pipes an openai-profile stream untouched, comments and framing included', async () => {
    const bytes = [': keepalive\n\n', ...textStream(['Hel', 'lo'], { usage: true }).map((p) => `data:${p === '[DONE]' ? ' ' : ''}${p}\r\n\r\n`)].join('');
    const up = await startUpstream((_req, res) => {
      sseHead(res);
      res.end(bytes);
    });
    const proxy = await startTestProxy([{ name: 'a', baseUrl: up.baseUrl }]);
    open.push(proxy, up);
    const res = await postChat(proxy, chatBody({ stream: true, stream_options: { include_usage: true } }));
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(await res.text()).toBe(bytes);
    expect(JSON.parse(proxy.logs[0]).tokens).toEqual({ prompt: 11, completion: 7 });
  });

  it('delivers the first event while the upstream is still generating', async () => {
    let finish: () => void = () => {};
    const up = await startUpstream((_req, res) => {
      sseHead(res);
      res.write(`data: ${chunk({ role: 'assistant', content: 'early' })}\n\n`);
      finish = () => res.end(`data: ${chunk({}, 'stop')}\n\ndata: [DONE]\n\n`);
    });
    const proxy = await startTestProxy([{ name: 'a', baseUrl: up.baseUrl, profile: 'ollama' }]);
    open.push(proxy, up);
    const res = await postChat(proxy, chatBody({ stream: true }));
    const reader = res.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain('early');
    finish();
    let rest = '';
    for (let r = await reader.read(); !r.done; r = await reader.read()) rest += new TextDecoder().decode(r.value);
    expect(rest.trim().endsWith('data: [DONE]')).toBe(true);
  });
});
