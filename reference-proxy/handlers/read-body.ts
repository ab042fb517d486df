// Reads a JSON request body without ever holding more than the configured cap in memory.
import type { IncomingMessage } from 'node:http';
import { ProxyError } from '../errors.ts';

/**
 * JSON.parse copes with any depth, but JSON.stringify (forwarding) and the walks over a request
 * recurse: a body nested thousands of levels deep overflowed the stack and was blamed on the
 * backend. Real requests, JSON schemas included, stay far below this.
 */
export const MAX_JSON_DEPTH = 128;

export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  checkContentType(req.headers['content-type']);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const text = await readCapped(req, maxBytes);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new ProxyError(400, `We could not parse the JSON body of your request (${(error as Error).message}). Send a valid JSON object.`, {
      code: 'invalid_json',
    });
  }
  if (nestedDeeperThan(text, MAX_JSON_DEPTH)) {
    throw new ProxyError(400, `The JSON body of your request is nested more than ${MAX_JSON_DEPTH} levels deep. Flatten it.`, { code: 'invalid_json' });
  }
  return body;
}

/** Whether valid JSON text opens more than `limit` arrays/objects inside each other. */
export function nestedDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

function checkContentType(contentType: string | undefined): void {
  if (contentType === undefined || /^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType)) return;
  throw new ProxyError(400, `Invalid Content-Type header (${contentType.slice(0, 100)}); send the body as JSON with "Content-Type: application/json".`, {
    code: 'invalid_content_type',
  });
}

function readCapped(req: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        cleanup();
        // Keep draining without storing so the 413 can be written; the connection is closed after it.
        req.resume();
        reject(tooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    // The client hung up or timed out mid-body: its mistake, not the proxy's (nobody reads the answer).
    const onError = () => {
      cleanup();
      reject(new ProxyError(400, 'The request body ended before it was complete. Send the whole body.', { code: 'incomplete_body' }));
    };
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

function tooLarge(maxBytes: number): ProxyError {
  return new ProxyError(413, `The request body is larger than this proxy accepts (${maxBytes} bytes). Send a smaller request, or raise limits.maxBodyBytes.`, {
    code: 'request_too_large',
    headers: { connection: 'close' },
  });
}
