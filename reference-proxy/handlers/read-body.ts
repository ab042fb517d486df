// Reads a JSON request body without ever holding more than the configured cap in memory (the
// front's ProxyRequest.readBody enforces the cap; the errors it rejects with are made here).
import { ProxyError } from '../errors.ts';
import type { ProxyRequest } from '../runtime/http-types.ts';

/**
 * JSON.parse copes with any depth, but JSON.stringify (forwarding) and the walks over a request
 * recurse: a body nested thousands of levels deep overflowed the stack and was blamed on the
 * backend. Real requests, JSON schemas included, stay far below this.
 */
export const MAX_JSON_DEPTH = 128;

export async function readJsonBody(req: ProxyRequest, maxBytes: number): Promise<unknown> {
  checkContentType(req.header('content-type'));
  const text = await req.readBody(maxBytes);
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
  // nesting deeper than the limit takes more than `limit` brackets
  if (text.length <= limit) return false;
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

export function bodyTooLarge(maxBytes: number): ProxyError {
  return new ProxyError(413, `The request body is larger than this proxy accepts (${maxBytes} bytes). Send a smaller request, or raise limits.maxBodyBytes.`, {
    code: 'request_too_large',
    headers: { connection: 'close' },
  });
}

/** The client hung up or timed out mid-body: its mistake, not the proxy's (nobody reads the answer). */
export function bodyIncomplete(): ProxyError {
  return new ProxyError(400, 'The request body ended before it was complete. Send the whole body.', { code: 'incomplete_body' });
}
