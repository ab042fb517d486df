// HAR 1.2 (Chromium devtools "Save all as HAR", Playwright recordHar, mitmproxy's HAR export):
// every API entry becomes a captured exchange; pages, scripts, images and CORS preflights are
// ignored and counted. A body may be base64 (`content.encoding`); an SSE body appears whole.
import type { CapturedExchange, ReadRecording } from '../captured-exchange.ts';
import { isApiRequest } from '../route.ts';
import { RecordingError } from './recording-error.ts';

interface HarHeader {
  name: string;
  value: string;
}

interface HarEntry {
  startedDateTime?: string;
  time?: number;
  request: { method: string; url: string; headers?: HarHeader[]; postData?: { text?: string; encoding?: string } };
  response: { status: number; headers?: HarHeader[]; content?: { text?: string; encoding?: string; size?: number } };
}

export function isHar(json: unknown): boolean {
  return Array.isArray((json as { log?: { entries?: unknown } } | null)?.log?.entries);
}

export function readHar(json: unknown, source: string): ReadRecording {
  const entries = (json as { log: { entries: unknown[] } }).log.entries;
  const exchanges: CapturedExchange[] = [];
  let ignored = 0;
  entries.forEach((raw, i) => {
    const entry = checkedEntry(raw, `${source}: log.entries[${i}]`);
    if (!isApiRequest(entry.request.method, entry.request.url)) {
      ignored += 1;
      return;
    }
    exchanges.push(toCaptured(entry, `${source}#${i + 1}`));
  });
  return { format: 'HAR', exchanges, ignored };
}

function checkedEntry(raw: unknown, where: string): HarEntry {
  const e = raw as HarEntry;
  if (typeof e?.request?.method !== 'string' || typeof e.request.url !== 'string' || typeof e.response?.status !== 'number') {
    throw new RecordingError(`${where} is not a HAR entry (it needs request.method, request.url and response.status)`);
  }
  return e;
}

function toCaptured(entry: HarEntry, id: string): CapturedExchange {
  const { request, response } = entry;
  const started = entry.startedDateTime ? Date.parse(entry.startedDateTime) : NaN;
  return {
    id,
    target: hostOf(request.url),
    request: { method: request.method.toUpperCase(), url: request.url, headers: headersOf(request.headers), body: decoded(request.postData) },
    requestKnown: true,
    ...answerOf(response),
    startedAt: Number.isFinite(started) ? started : undefined,
    totalMs: typeof entry.time === 'number' && entry.time >= 0 ? entry.time : undefined,
  };
}

function answerOf(response: HarEntry['response']): Pick<CapturedExchange, 'response' | 'noAnswer'> {
  // status 0: the browser got no answer (blocked, cancelled, network error)
  if (response.status <= 0) return { noAnswer: 'the browser got no answer (the request failed or was cancelled)' };
  const content = response.content;
  if (typeof content?.text !== 'string' && (content?.size ?? 1) !== 0) {
    return { noAnswer: 'the HAR kept no response body (content.text); export it with content, e.g. devtools "Save all as HAR with content"' };
  }
  return { response: { status: response.status, headers: headersOf(response.headers), body: bytesOf(content) } };
}

/** Lower-cased names, repeated values joined with ", "; HTTP/2 pseudo-headers (:status) dropped. */
function headersOf(list: HarHeader[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { name, value } of list ?? []) {
    if (typeof name !== 'string' || name.startsWith(':')) continue;
    const key = name.toLowerCase();
    out[key] = key in out ? `${out[key]}, ${value}` : String(value);
  }
  return out;
}

function decoded(data: { text?: string; encoding?: string } | undefined): string | undefined {
  if (typeof data?.text !== 'string') return undefined;
  return data.encoding === 'base64' ? Buffer.from(data.text, 'base64').toString('utf8') : data.text;
}

function bytesOf(content: { text?: string; encoding?: string } | undefined): Uint8Array {
  if (typeof content?.text !== 'string') return new Uint8Array();
  return content.encoding === 'base64' ? new Uint8Array(Buffer.from(content.text, 'base64')) : new TextEncoder().encode(content.text);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'unknown-host';
  }
}
