// Builders for captured exchanges in unit tests of checks: a check is a pure function of an
// Exchange, so its tests feed it literals built here rather than talking to a server.
import type { CheckInput, Exchange, SseCapture } from '../types.ts';

const enc = new TextEncoder();

export interface JsonExchangeInit {
  status?: number;
  headers?: Record<string, string>;
  /** the request body that was sent */
  request?: unknown;
  path?: string;
}

/** An exchange whose response body is `body` (serialised unless already a string). */
export function jsonExchange(body: unknown, init: JsonExchangeInit = {}): Exchange {
  const bodyText = typeof body === 'string' ? body : JSON.stringify(body);
  let json: unknown;
  let jsonError: string | undefined;
  try {
    json = JSON.parse(bodyText);
  } catch (e) {
    jsonError = (e as Error).message;
  }
  return {
    request: requestOf(init),
    status: init.status ?? 200,
    headers: { 'content-type': 'application/json', ...init.headers },
    body: enc.encode(bodyText),
    bodyText,
    json,
    jsonError,
    timing: { startedAt: 0, headersMs: 1, firstByteMs: 1, totalMs: 2 },
    truncated: false,
  };
}

export interface SseExchangeInit extends JsonExchangeInit {
  comments?: string[];
  /** override parts of the SSE capture */
  sse?: Partial<SseCapture>;
}

/**
 * An SSE exchange with one event per item: objects are serialised as JSON, strings sent as-is
 * (use '[DONE]' for the terminator).
 */
export function sseExchange(events: Array<unknown>, init: SseExchangeInit = {}): Exchange {
  const datas = events.map((e) => (typeof e === 'string' ? e : JSON.stringify(e)));
  const bodyText = datas.map((d) => `data: ${d}\n\n`).join('');
  const sse: SseCapture = {
    events: datas.map((data, i) => ({ data, at: i })),
    comments: (init.comments ?? []).map((text, i) => ({ text, at: i })),
    unknownFields: [],
    retries: [],
    lineEndings: ['LF'],
    problems: [],
    ...init.sse,
  };
  return {
    request: requestOf(init),
    status: init.status ?? 200,
    headers: { 'content-type': 'text/event-stream', ...init.headers },
    body: enc.encode(bodyText),
    bodyText,
    sse,
    timing: { startedAt: 0, headersMs: 1, firstByteMs: 1, totalMs: datas.length + 1 },
    truncated: false,
  };
}

/** Wrap an exchange as the input a check receives. */
export function inputOf(exchange: Exchange, request?: unknown, scenario = 'test'): CheckInput {
  return { exchange, request: request ?? safeParse(exchange.request.body), scenario, model: 'test-model' };
}

function requestOf(init: JsonExchangeInit): Exchange['request'] {
  const body = init.request === undefined ? undefined : JSON.stringify(init.request);
  return {
    method: body === undefined ? 'GET' : 'POST',
    url: `http://127.0.0.1:1/v1${init.path ?? '/chat/completions'}`,
    headers: { 'content-type': 'application/json' },
    body,
  };
}

function safeParse(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
