// Image URLs for backends that refuse them (S22: Ollama, LM Studio): with images.fetchUrls the
// proxy downloads the image once and sends it inline to those backends only; the download is
// guarded (private addresses refused unless allowed, image types only, a size cap), and is off
// by default — the proxy then fetches nothing a client names.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { postChat, startTestProxy, type TestProxy } from './helpers/proxy.ts';
import { completion, json } from './helpers/replies.ts';
import { startUpstream, type FakeUpstream } from './helpers/upstream.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

let open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.map((o) => o.close()));
  open = [];
});

async function imageServer(): Promise<{ url: (path: string) => string; hits: string[] }> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/red.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    if (req.url === '/page.html') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>');
    if (req.url === '/huge.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(4096));
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  open.push({ close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
  const { port } = server.address() as AddressInfo;
  return { url: (path) => `http://127.0.0.1:${port}${path}`, hits };
}

async function scene(images: object | undefined, profile = 'ollama'): Promise<{ proxy: TestProxy; up: FakeUpstream }> {
  const up = await startUpstream(json(completion('red')));
  const proxy = await startTestProxy([{ name: 'b', baseUrl: up.baseUrl, profile, models: ['eye'], visionModels: ['eye'] }], images ? { images } : {});
  open.push(proxy, up);
  return { proxy, up };
}

const look = (url: string) => ({ model: 'eye', messages: [{ role: 'user', content: [{ type: 'text', text: 'Colour?' }, { type: 'image_url', image_url: { url, detail: 'low' } }] }] });
const sentUrl = (up: FakeUpstream) => up.requests[0]?.body.messages[0].content[1].image_url;

describe('image URLs for backends that take inline images only', () => {
  it('are left alone by default: the proxy fetches nothing a client names', async () => {
    const img = await imageServer();
    const { proxy, up } = await scene(undefined);
    expect((await postChat(proxy, look(img.url('/red.png')))).status).toBe(200);
    expect(sentUrl(up)).toEqual({ url: img.url('/red.png'), detail: 'low' });
    expect(img.hits).toEqual([]);
  });

  it('are downloaded and sent inline to Ollama and LM Studio with images.fetchUrls', async () => {
    const img = await imageServer();
    for (const profile of ['ollama', 'lm-studio']) {
      const { proxy, up } = await scene({ fetchUrls: true, allowPrivateHosts: true }, profile);
      expect((await postChat(proxy, look(img.url('/red.png')))).status).toBe(200);
      expect(sentUrl(up)).toEqual({ url: `data:image/png;base64,${PNG.toString('base64')}`, detail: 'low' });
      expect(JSON.parse(proxy.logs.at(-1)!).repairs).toEqual(['image_inlined']);
    }
  });

  it('are passed as URLs to backends that download them', async () => {
    const img = await imageServer();
    const { proxy, up } = await scene({ fetchUrls: true, allowPrivateHosts: true }, 'vllm');
    await postChat(proxy, look(img.url('/red.png')));
    expect(sentUrl(up).url).toBe(img.url('/red.png'));
    expect(img.hits).toEqual([]);
  });

  it('are not fetched from private addresses unless allowed', async () => {
    const img = await imageServer();
    const { proxy, up } = await scene({ fetchUrls: true });
    const res = await postChat(proxy, look(img.url('/red.png')));
    expect(res.status).toBe(400);
    const error = (await res.json()).error;
    expect(error).toMatchObject({ param: 'messages[0].content[1].image_url.url', code: 'image_download_failed' });
    expect(error.message).toMatch(/private or loopback/);
    expect(img.hits).toEqual([]);
    expect(up.requests).toHaveLength(0);
  });

  it('refuse what is no image, is missing or is too large, by name', async () => {
    const img = await imageServer();
    const { proxy } = await scene({ fetchUrls: true, allowPrivateHosts: true, maxBytes: 1024 });
    for (const [path, why] of [['/page.html', /not an image/], ['/missing.png', /HTTP 404/], ['/huge.png', /larger than 1024 bytes/]] as const) {
      const res = await postChat(proxy, look(img.url(path)));
      expect(res.status).toBe(400);
      expect((await res.json()).error.message).toMatch(why);
    }
    const ftp = await postChat(proxy, look('ftp://127.0.0.1/red.png'));
    expect(ftp.status).toBe(200);
  });
});
