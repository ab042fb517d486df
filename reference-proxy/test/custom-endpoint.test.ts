// The adapter interface carries a translating, stateful endpoint — what the Responses API needs —
// through the unchanged core: a made-up POST /v1/shout is served by sending /chat/completions
// upstream, its answer and stream are translated (the stream into `event:` lines), the answer is
// kept before it is sent (GET /v1/shout/{id}), failover before the first byte and the
// endpoint's own error events after it come from the core.
import { afterEach, describe, expect, it } from 'vitest';
import type { Attempt } from '../core/attempt.ts';
import { failure } from '../core/attempt.ts';
import type { ClientStream } from '../core/client-stream.ts';
import type { Endpoint, EndpointRequest, StreamSession } from '../core/endpoint.ts';
import { ProxyError } from '../errors.ts';
import { sendJson } from '../handlers/respond.ts';
import { ENDPOINTS } from '../endpoints/registry.ts';
import { SseSplitter } from '../normalize/sse.ts';
import { parseConfig } from '../config/load.ts';
import { startProxy, type RunningProxy } from '../index.ts';
import * as F from './faults/fault-replies.ts';
import { startUpstream, type FakeUpstream, type Reply } from './helpers/upstream.ts';

interface ShoutRequest extends EndpointRequest {
  text: string;
  stream?: boolean;
}

const stored = new Map<string, string>();
let served = 0;

const event = (type: string, data: object) => `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;

/** Chat chunks in, shout events out: one delta per content piece, `shout.done` at the end, kept once done. */
class ShoutSession implements StreamSession {
  private readonly splitter = new SseSplitter();
  private text = '';
  private done = false;

  private readonly out: ClientStream;

  constructor(out: ClientStream) {
    this.out = out;
  }

  async push(chunk: Buffer): Promise<boolean> {
    for (const data of this.splitter.push(chunk)) {
      if (data === '[DONE]') continue;
      const choice = JSON.parse(data).choices?.[0];
      const piece = choice?.delta?.content;
      if (typeof piece === 'string' && piece !== '') {
        this.text += piece.toUpperCase();
        await this.out.write(event('shout.delta', { delta: piece.toUpperCase() }));
      }
      if (choice?.finish_reason) this.done = true;
    }
    return true;
  }

  async finish() {
    if (!this.done) {
      if (!this.out.started) return failure('malformed', 'no shout');
      await this.out.write(this.errorFrames('the backend stopped early', 'upstream_truncated'));
      this.out.end();
      return { kind: 'served' as const, streamFailed: 'truncated' as const };
    }
    const id = `shout_${++served}`;
    await this.out.write(event('shout.done', { id, text: this.text }));
    this.out.end();
    stored.set(id, this.text);
    return { kind: 'served' as const };
  }

  errorFrames(message: string, code: string): string {
    return event('error', { message, code }) + event('shout.failed', { code });
  }
}

const shout: Endpoint<ShoutRequest> = {
  name: 'shout',
  path: '/v1/shout',
  inputParam: 'text',
  via: (apis) => (apis.has('chat') ? 'translated' : undefined),
  accepts: () => () => true,
  validate(body) {
    const { model, text } = (body ?? {}) as Record<string, unknown>;
    if (typeof model !== 'string' || typeof text !== 'string') throw new ProxyError(400, 'model and text are required', { param: 'text' });
    return body as ShoutRequest;
  },
  streams: (r) => r.stream === true,
  promptTokens: (r) => r.text.length,
  inputTexts: (r) => [r.text],
  upstream: (a: Attempt<ShoutRequest>) => ({
    path: '/chat/completions',
    body: { model: a.candidate.model, messages: [{ role: 'user', content: a.request.text }], stream: a.request.stream === true },
    stream: a.request.stream === true,
  }),
  answer(a, text) {
    const content = JSON.parse(text).choices?.[0]?.message?.content;
    if (typeof content !== 'string') return failure('malformed', 'no content');
    const id = `shout_${++served}`;
    return { kind: 'answer', text: JSON.stringify({ id, object: 'shout', via: a.via, text: content.toUpperCase() }), before: async () => void stored.set(id, content.toUpperCase()) };
  },
  stream: (_a, _up, out) => new ShoutSession(out),
  routes: [
    {
      path: '/v1/shout/',
      method: 'GET',
      limited: true,
      prefix: true,
      async handle(_ctx, ex) {
        const id = ex.record.path.slice('/v1/shout/'.length);
        const text = stored.get(id);
        if (text === undefined) throw new ProxyError(404, `No shout ${id}`, { param: 'id' });
        sendJson(ex.res, 200, { id, object: 'shout', text });
      },
    },
  ],
};

let open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.map((o) => o.close()));
  open = [];
});

async function scene(bad: Reply | undefined, good: Reply = F.healthy, extra: Record<string, unknown> = {}): Promise<{ proxy: RunningProxy; logs: any[]; upstreams: FakeUpstream[] }> {
  const upstreams = [...(bad ? [await startUpstream(bad)] : []), await startUpstream(good)];
  const backends = upstreams.map((u, i) => ({ name: `b${i}`, baseUrl: u.baseUrl, models: ['test-model'], profile: 'generic' }));
  const config = parseConfig({
    listen: { host: '127.0.0.1', port: 0 },
    backends,
    aliases: { chain: backends.map((b) => ({ backend: b.name, model: 'test-model' })) },
    retry: { backoffMs: { initial: 1, max: 5 } },
    ...extra,
  });
  const logs: any[] = [];
  const proxy = await startProxy(config, { log: (l) => logs.push(JSON.parse(l)), endpoints: [...ENDPOINTS, shout] });
  open.push(proxy, ...upstreams);
  return { proxy, logs, upstreams };
}

const post = (proxy: RunningProxy, body: object) =>
  fetch(`${proxy.url}/v1/shout`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'chain', text: 'say hi', ...body }) });

describe('a translating, stateful endpoint on the core', () => {
  it('translates the answer, keeps it before sending it, and serves it on its own route', async () => {
    const { proxy, logs, upstreams } = await scene(undefined);
    const answer = await (await post(proxy, {})).json();
    expect(answer).toMatchObject({ object: 'shout', via: 'translated', text: 'HELLO THERE' });
    expect(upstreams[0].requests[0]).toMatchObject({ path: '/v1/chat/completions', body: { messages: [{ role: 'user', content: 'say hi' }] } });
    expect(await (await fetch(`${proxy.url}/v1/shout/${answer.id}`)).json()).toEqual({ id: answer.id, object: 'shout', text: 'HELLO THERE' });
    expect((await fetch(`${proxy.url}/v1/shout/nope`)).status).toBe(404);
    expect((await fetch(`${proxy.url}/v1/shout`, { method: 'DELETE' })).headers.get('allow')).toBe('POST');
    expect(logs.find((l) => l.path === '/v1/shout')).toMatchObject({ endpoint: 'shout', status: 200, attempts: 1 });
  });

  it('streams its own events, and fails over before the first byte', async () => {
    const { proxy, logs } = await scene(F.status(503));
    const text = await (await post(proxy, { stream: true })).text();
    expect(text).toMatch(/^event: shout\.delta\n/);
    expect(text).toContain('event: shout.done');
    expect(text).not.toContain('[DONE]');
    const id = /"id":"(shout_\d+)"/.exec(text)?.[1];
    expect(await (await fetch(`${proxy.url}/v1/shout/${id}`)).json()).toMatchObject({ text: 'HELLO THERE' });
    expect(logs.find((l) => l.path === '/v1/shout')).toMatchObject({ backend: 'b1', failovers: ['status_503'] });
  });

  it('ends a stream broken after its first byte with its own error events, not failing over', async () => {
    const { proxy, logs, upstreams } = await scene(F.resetMidBody);
    const text = await (await post(proxy, { stream: true })).text();
    expect(text).toContain('event: shout.delta');
    expect(text.trimEnd().endsWith('"code":"upstream_stream_failed"}')).toBe(true);
    expect(text).toContain('event: shout.failed');
    expect(upstreams[1].requests).toHaveLength(0);
    expect(logs.find((l) => l.path === '/v1/shout')).toMatchObject({ backend: 'b0', error: 'upstream_stream_failed' });
  });
});

describe('draining a translating endpoint', () => {
  it('ends its stream still running at the deadline with its own error events', async () => {
    const { proxy } = await scene(undefined, F.hangMidBody, { shutdown: { drainMs: 100 } });
    const reader = (await post(proxy, { stream: true })).body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes('shout.delta')) text += decoder.decode((await reader.read()).value);
    const stopping = proxy.shutdown();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value);
    await stopping;
    expect(text).toContain('event: shout.delta');
    expect(text).toContain('"code":"server_shutting_down"');
    expect(text.trimEnd().split('\n\n').at(-1)).toMatch(/^event: shout\.failed\n/);
  });
});
