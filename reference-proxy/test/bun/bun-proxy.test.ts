// The proxy run by Bun behaves as on Node where it counts: clients that go away take their
// upstream request with them, bad requests get the OpenAI envelope, a body that trickles in too
// slowly gets a 408, HTTPS serves, SIGTERM drains live streams and exits 0, and a setting Bun
// cannot honour is refused at start with a message naming it (exit 2).
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import OpenAI from 'openai';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUN, startProxyProcess, type ProxyProcess } from '../helpers/proxy-process.ts';
import { chunk, completion, json, sseHead } from '../helpers/replies.ts';
import { startUpstream, type FakeUpstream, type Reply } from '../helpers/upstream.ts';

const BIN = new URL('../../../bin/dropin.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'dropin-bun-'));
const open: Array<{ close?(): Promise<void>; stop?(): Promise<void> }> = [];

afterAll(async () => {
  await Promise.all(open.map((o) => (o.stop ? o.stop() : o.close?.())));
  rmSync(dir, { recursive: true, force: true });
});

/** Streams `parts` parts 100 ms apart, then [DONE]; stops when the proxy hangs up. */
const slowStream = (parts: (req: { body: { messages: Array<{ content: string }> } }) => number): Reply => async (req, res) => {
  const n = parts(req);
  sseHead(res);
  res.write(`data: ${chunk({ role: 'assistant', content: '' })}\n\n`);
  for (let i = 0; i < n && !res.destroyed; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    res.write(`data: ${chunk({ content: `p${i} ` })}\n\n`);
  }
  if (res.destroyed) return;
  res.write(`data: ${chunk({}, 'stop')}\n\ndata: [DONE]\n\n`);
  res.end();
};

async function bunProxy(upstream: FakeUpstream, extra: Record<string, unknown> = {}): Promise<ProxyProcess> {
  const proxy = await startProxyProcess(
    { listen: { host: '127.0.0.1', port: 0 }, backends: [{ name: 'up', baseUrl: upstream.baseUrl, models: ['test-model'], profile: 'openai' }], ...extra },
    {},
    'bun',
  );
  open.push(proxy);
  return proxy;
}

/** Sends `text` on a new connection; resolves with everything the proxy answered once it closes (or after 3 s). */
function raw(proxy: ProxyProcess, text: string): Promise<string> {
  const { port } = new URL(proxy.url);
  return new Promise<string>((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    let answer = '';
    const timer = setTimeout(() => socket.destroy(), 3_000);
    socket.on('data', (d) => (answer += d.toString()));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(answer);
    });
    socket.on('error', reject);
    socket.write(text);
  });
}

describe('the proxy on Bun', () => {
  let endless: FakeUpstream;
  let proxy: ProxyProcess;
  beforeAll(async () => {
    endless = await startUpstream(slowStream(() => 10_000));
    open.push(endless);
    proxy = await bunProxy(endless, { limits: { maxBodyBytes: 1000, requestTimeoutMs: 500 } });
  });

  it('aborts the upstream stream when its client goes away, and logs 499', async () => {
    const controller = new AbortController();
    const res = await fetch(`${proxy.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'test-model', stream: true, messages: [{ role: 'user', content: 'go' }] }),
      signal: controller.signal,
    });
    const reader = res.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain('chat.completion.chunk');
    controller.abort();
    await endless.abortedResponse;
    await expect.poll(() => proxy.stdout.some((l) => l.includes('"status":499'))).toBe(true);
  });

  it('answers bad requests with the OpenAI envelope', async () => {
    const post = (body: string) => fetch(`${proxy.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const broken = await post('{"model":');
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: { code: string } }).error.code).toBe('invalid_json');
    const big = await post(JSON.stringify({ model: 'test-model', messages: [{ role: 'user', content: 'x'.repeat(2000) }] }));
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { code: string } }).error.code).toBe('request_too_large');
    const unknown = await fetch(`${proxy.url}/v1/nothing`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { type: string } }).error.type).toBe('invalid_request_error');
  });

  it('answers a body that does not arrive within requestTimeoutMs with 408', async () => {
    const answer = await raw(proxy, 'POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"model":');
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(answer).toContain('"type":"timeout_error"');
  });

  it('refuses CONNECT with 405 in the envelope and serves HTTP/1.0 without Host, as on Node', async () => {
    const connectAnswer = await raw(proxy, 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n');
    expect(connectAnswer).toMatch(/^HTTP\/1\.1 405/);
    expect(connectAnswer).toContain('Method CONNECT is not allowed');
    expect(await raw(proxy, 'GET /healthz HTTP/1.0\r\n\r\n')).toMatch(/^HTTP\/1\.[01] 200[^]*"status":"ok"/);
  });
});

describe('the proxy on Bun, shutting down', () => {
  it('drains on SIGTERM: new connections refused, a short stream finishes, a long one ends with an error event, exit 0', async () => {
    const upstream = await startUpstream(slowStream((req) => (req.body.messages[0].content === 'long' ? 600 : 5)));
    open.push(upstream);
    const proxy = await bunProxy(upstream, { shutdown: { drainMs: 2_000 } });
    const sdk = new OpenAI({ baseURL: `${proxy.url}/v1`, apiKey: 'unused', maxRetries: 0 });
    const run = async (which: string, started: () => void) => {
      let content = '';
      try {
        for await (const c of await sdk.chat.completions.create({ model: 'test-model', messages: [{ role: 'user', content: which }], stream: true })) {
          content += c.choices[0]?.delta?.content ?? '';
          started();
        }
        return { content };
      } catch (error) {
        started();
        return { content, code: (error as { code?: unknown }).code };
      }
    };
    const seen = new Set<string>();
    let bothStarted: () => void = () => {};
    const started = new Promise<void>((resolve) => (bothStarted = resolve));
    const mark = (which: string) => () => {
      seen.add(which);
      if (seen.size === 2) bothStarted();
    };
    const short = run('short', mark('short'));
    const long = run('long', mark('long'));
    await started;
    proxy.signal('SIGTERM');
    await proxy.waitForStderr(/draining/);
    await expect(fetch(`${proxy.url}/healthz`)).rejects.toThrow();
    expect(await short).toEqual({ content: 'p0 p1 p2 p3 p4 ' });
    const cut = await long;
    expect(cut.code).toBe('server_shutting_down');
    expect(cut.content.length).toBeGreaterThan(0);
    await upstream.abortedResponse;
    expect(await proxy.exited).toBe(0);
  });
});

describe('the proxy on Bun, over TLS', () => {
  it('serves https with the configured certificate', async () => {
    const keyFile = join(dir, 'key.pem');
    const certFile = join(dir, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-days', '1', '-keyout', keyFile, '-out', certFile], { stdio: 'ignore' });
    const up = await startUpstream(json(completion('over tls')));
    open.push(up);
    const proxy = await bunProxy(up, { listen: { host: '127.0.0.1', port: 0, tls: { certFile, keyFile } } });
    const agent = new Agent({ connect: { ca: readFileSync(certFile), servername: 'localhost' } });
    try {
      expect(proxy.url).toMatch(/^https:\/\//);
      const res = await request(`${proxy.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'test-model', messages: [{ role: 'user', content: 'hi' }] }),
        dispatcher: agent,
      });
      expect(res.statusCode).toBe(200);
      expect(((await res.body.json()) as { choices: Array<{ message: { content: string } }> }).choices[0].message.content).toBe('over tls');
    } finally {
      await agent.close();
    }
  });
});

describe('a config Bun cannot run', () => {
  it('is refused at start, naming the setting and the way out (exit 2)', async () => {
    const file = join(dir, 'headers-timeout.json');
    writeFileSync(file, JSON.stringify({ backends: [{ name: 'up', baseUrl: 'http://127.0.0.1:9/v1', models: ['m'] }], limits: { headersTimeoutMs: 5_000 } }));
    const failed = await promisify(execFile)(BUN, [BIN, 'proxy', '--config', file]).then(
      () => undefined,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toMatch(/limits\.headersTimeoutMs: Bun\.serve has no deadline for a request's headers/);
    expect(failed?.stderr).toMatch(/run the proxy on Node/);
  });
});
