// Downloads an image a client gave by URL, for a backend that takes inline images only (S22:
// Ollama and LM Studio refuse http URLs). The one place the proxy fetches a URL a client chose,
// so it is off unless configured (`images.fetchUrls`), and guarded: http(s) only, addresses
// resolved once and checked (loopback, private and link-local refused unless
// `images.allowPrivateHosts`), the connection pinned to the checked address (no DNS rebinding),
// no redirects, a size cap and a timeout, an image content type.
import { lookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
// by path: Bun answers the bare 'undici' specifier with a stand-in whose Agent does not connect
import { Agent, request } from 'undici/index.js';
import { isLocalHost } from '../config/local-host.ts';
import type { ImagesConfig } from '../types.ts';

export class ImageFetchError extends Error {}

/** The image at `url` as a data: URL. */
export async function fetchImageAsDataUrl(url: string, config: ImagesConfig, signal?: AbortSignal): Promise<string> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new ImageFetchError('it is not a valid URL');
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new ImageFetchError(`only http and https image URLs can be downloaded, not ${target.protocol}`);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  const addresses = await lookup(host, { all: true }).catch(() => {
    throw new ImageFetchError(`the host ${host} could not be resolved`);
  });
  if (!config.allowPrivateHosts && addresses.some((a) => isLocalHost(a.address))) {
    throw new ImageFetchError(`the host ${host} is a private or loopback address, which this proxy does not fetch from`);
  }
  const [pinned] = addresses;
  const pin: LookupFunction = (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as (e: null, a: typeof addresses) => void)(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  const agent = new Agent({ connect: { lookup: pin, timeout: config.timeoutMs } });
  try {
    const res = await request(target, { dispatcher: agent, signal, headersTimeout: config.timeoutMs, bodyTimeout: config.timeoutMs });
    const type = String(res.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (res.statusCode !== 200 || !type.startsWith('image/')) {
      await res.body.dump();
      throw new ImageFetchError(res.statusCode !== 200 ? `the server answered HTTP ${res.statusCode}` : `it is not an image (content type ${type || 'none'})`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > config.maxBytes) {
        res.body.destroy();
        throw new ImageFetchError(`it is larger than ${config.maxBytes} bytes`);
      }
      chunks.push(chunk);
    }
    return `data:${type};base64,${Buffer.concat(chunks).toString('base64')}`;
  } catch (error) {
    if (error instanceof ImageFetchError) throw error;
    throw new ImageFetchError(`the download failed (${(error as { code?: string }).code ?? (error as Error).message})`);
  } finally {
    await agent.close();
  }
}
