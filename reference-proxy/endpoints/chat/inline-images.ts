// S22: Ollama and LM Studio refuse image URLs ("please use base64 encoded data instead"). With
// `images.fetchUrls` on, the proxy downloads them (upstream/fetch-image.ts: guarded) and sends
// them to those backends inline, as data: URLs; every other backend gets the URLs as sent. An
// image is downloaded once per request, however many attempts need it.
import type { Attempt } from '../../core/attempt.ts';
import { ProxyError } from '../../errors.ts';
import type { QuirkProfile } from '../../types.ts';
import { fetchImageAsDataUrl, ImageFetchError } from '../../upstream/fetch-image.ts';
import type { ChatRequest } from './validate.ts';

const INLINE_ONLY: ReadonlySet<QuirkProfile> = new Set(['ollama', 'ollama-legacy', 'lm-studio']);

const inlined = new WeakMap<ChatRequest, Promise<unknown[]>>();

/** Whether this attempt's backend needs the request's image URLs inline. */
export function needsInlineImages(a: Attempt<ChatRequest>): boolean {
  return a.ctx.config.images.fetchUrls && INLINE_ONLY.has(a.profile) && imageUrls(a.request.messages).length > 0;
}

/** The request's messages with every http(s) image URL replaced by the image as a data: URL. */
export function messagesWithInlineImages(a: Attempt<ChatRequest>): Promise<unknown[]> {
  let done = inlined.get(a.request);
  if (!done) {
    done = inline(a);
    inlined.set(a.request, done);
  }
  return done;
}

async function inline(a: Attempt<ChatRequest>): Promise<unknown[]> {
  const messages = structuredClone(a.request.messages) as any[];
  for (const { at, part } of imageUrls(messages)) {
    try {
      part.image_url = { ...part.image_url, url: await fetchImageAsDataUrl(part.image_url.url, a.ctx.config.images, a.signal.signal) };
    } catch (error) {
      if (!(error instanceof ImageFetchError)) throw error;
      throw new ProxyError(400, `The image at ${at} could not be downloaded: ${error.message}. Send it inline as a data: URL.`, {
        param: at,
        code: 'image_download_failed',
      });
    }
  }
  return messages;
}

function imageUrls(messages: readonly unknown[]): Array<{ at: string; part: any }> {
  const found: Array<{ at: string; part: any }> = [];
  messages.forEach((message, i) => {
    const content = (message as { content?: unknown }).content;
    if (!Array.isArray(content)) return;
    content.forEach((part, j) => {
      const url = part?.type === 'image_url' ? part.image_url?.url : undefined;
      if (typeof url === 'string' && /^https?:/i.test(url)) found.push({ at: `messages[${i}].content[${j}].image_url.url`, part });
    });
  });
  return found;
}
