// The transcript format: one captured exchange per JSON line, enough to serve the exact same
// bytes back (docs/transcript-format.md). Secrets are redacted before a line is written.
import { maskCredentialHeaders, redactSecretsIn } from '../report/redact.ts';
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
      headers: maskCredentialHeaders(exchange.request.headers),
      body: exchange.request.body,
    },
    response: {
      status: exchange.status,
      headers: Object.fromEntries(Object.entries(exchange.headers).filter(([k]) => !HOP_BY_HOP.has(k))),
      bodyBase64: bodyBase64(exchange.body, secrets),
      events: exchange.sse?.events,
      comments: exchange.sse?.comments,
      totalMs: Math.round(exchange.timing.totalMs),
      error: exchange.transportError ? `${exchange.transportError.kind}: ${exchange.transportError.message}` : undefined,
    },
  };
  return JSON.parse(redactSecretsIn(JSON.stringify(line), secrets));
}

/** The exact bytes, unless they carry a secret: base64 would hide it from the text redaction. */
function bodyBase64(body: Uint8Array, secrets: string[]): string {
  const bytes = Buffer.from(body);
  const text = bytes.toString('utf8');
  const redacted = redactSecretsIn(text, secrets);
  return (redacted === text ? bytes : Buffer.from(redacted)).toString('base64');
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
