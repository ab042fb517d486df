// Pure helpers that turn what undici hands back into the plain data of an Exchange.

export type RawHeaders = Record<string, string | string[] | undefined>;

/** Lower-cases names and joins repeated values with ", " (the form the checks read). */
export function normaliseHeaders(raw: RawHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    const key = name.toLowerCase();
    const joined = Array.isArray(value) ? value.join(', ') : value;
    out[key] = key in out ? `${out[key]}, ${joined}` : joined;
  }
  return out;
}

/** True when the media type (parameters and case aside) is text/event-stream. */
export function isEventStream(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  return contentType.split(';')[0].trim().toLowerCase() === 'text/event-stream';
}

export interface DecodedBody {
  text: string;
  invalidUtf8: boolean;
}

/**
 * Decodes a body as UTF-8 the way a browser would (invalid sequences become U+FFFD, a leading
 * BOM is dropped) and tells whether it was clean. A body cut at the size cap may end inside a
 * multi-byte character; that cut is ours, not the server's, so it does not count as invalid.
 */
export function decodeBody(bytes: Uint8Array, cut: boolean): DecodedBody {
  const text = new TextDecoder('utf-8').decode(bytes);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: cut });
    return { text, invalidUtf8: false };
  } catch {
    return { text, invalidUtf8: true };
  }
}

export type ParsedJson = { json: unknown; jsonError?: undefined } | { json?: undefined; jsonError: string };

export function parseJson(text: string): ParsedJson {
  try {
    return { json: JSON.parse(text) };
  } catch (e) {
    return { jsonError: (e as Error).message };
  }
}
