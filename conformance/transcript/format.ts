// The transcript format: one captured exchange per JSON line, enough to serve the exact same
// bytes back (docs/transcript-format.md). Secrets are redacted before a line is written.
import type { Exchange, SseComment, SseEvent } from '../types.ts';

export const TRANSCRIPT_VERSION = 1;

export interface TranscriptLine {
  v: typeof TRANSCRIPT_VERSION;
  /** the scenario that sent the request (informational; replay matches on the request) */
  scenario: string;
  /** ms since the recording started */
  at: number;
  request: { method: string; path: string; headers: Record<string, string>; body?: string };
  response: {
    /** absent when no response arrived (the failure is in `error`) */
    status?: number;
    headers: Record<string, string>;
    /** the raw body, base64: replay sends exactly these bytes */
    bodyBase64: string;
    /** for streams, the events and comments with their arrival times (ms since the request), for people and paced replay */
    events?: SseEvent[];
    comments?: SseComment[];
    /** ms from request to end of body */
    totalMs: number;
    error?: string;
  };
}

const SECRET_HEADERS = new Set(['authorization', 'api-key', 'x-api-key', 'proxy-authorization', 'cookie']);
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'date']);

export function toTranscriptLine(scenario: string, exchange: Exchange, startedAt: number, secrets: string[]): TranscriptLine {
  const url = new URL(exchange.request.url);
  const line: TranscriptLine = {
    v: TRANSCRIPT_VERSION,
    scenario,
    at: Math.max(0, Math.round(exchange.timing.startedAt - startedAt)),
    request: {
      method: exchange.request.method,
      path: url.pathname + url.search,
      headers: redactHeaders(exchange.request.headers),
      body: exchange.request.body,
    },
    response: {
      status: exchange.status,
      headers: Object.fromEntries(Object.entries(exchange.headers).filter(([k]) => !HOP_BY_HOP.has(k))),
      bodyBase64: Buffer.from(exchange.body).toString('base64'),
      events: exchange.sse?.events,
      comments: exchange.sse?.comments,
      totalMs: Math.round(exchange.timing.totalMs),
      error: exchange.transportError ? `${exchange.transportError.kind}: ${exchange.transportError.message}` : undefined,
    },
  };
  return redactSecrets(line, secrets);
}

function redactHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, SECRET_HEADERS.has(k.toLowerCase()) ? '***' : v]));
}

function redactSecrets(line: TranscriptLine, secrets: string[]): TranscriptLine {
  const text = secrets.filter((s) => s.length >= 4).reduce((t, s) => t.split(s).join('***'), JSON.stringify(line));
  return JSON.parse(text);
}

export function parseTranscript(text: string, source = 'transcript'): TranscriptLine[] {
  return text
    .split('\n')
    .map((l, i) => [l.trim(), i + 1] as const)
    .filter(([l]) => l)
    .map(([l, n]) => {
      let parsed: TranscriptLine;
      try {
        parsed = JSON.parse(l);
      } catch (e) {
        throw new Error(`${source}:${n}: not JSON (${(e as Error).message})`);
      }
      if (parsed.v !== TRANSCRIPT_VERSION || !parsed.request?.method || !parsed.response) {
        throw new Error(`${source}:${n}: not a dropin transcript line (expected {"v":${TRANSCRIPT_VERSION},"request":…,"response":…})`);
      }
      return parsed;
    });
}
