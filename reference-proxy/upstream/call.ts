// Sends one chat request to one backend. The only place the proxy talks to an upstream: the
// backend's own key (never the client's), the backend's timeouts, and a URL from config only.
import type { IncomingHttpHeaders } from 'node:http';
import type { Dispatcher } from 'undici';
import type { BackendConfig } from '../types.ts';
import type { AttemptSignal } from './attempt-signal.ts';
import { classifyUpstreamError, type UpstreamErrorKind } from './classify-error.ts';
import type { BackendPool } from './pools.ts';

export interface UpstreamResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Dispatcher.ResponseData['body'];
}

/** A failed attempt without an HTTP answer; the message never contains the URL or key. */
export class UpstreamFailure extends Error {
  constructor(readonly kind: UpstreamErrorKind, options?: { cause?: unknown }) {
    super(`upstream ${kind}`, options);
    this.name = 'UpstreamFailure';
  }
}

export interface CallOptions {
  attempt: AttemptSignal;
  requestId: string;
  stream: boolean;
}

export async function callChat(target: BackendPool, backend: BackendConfig, body: unknown, opts: CallOptions): Promise<UpstreamResponse> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: opts.stream ? 'text/event-stream' : 'application/json',
    'x-request-id': opts.requestId,
  };
  if (backend.apiKey) headers.authorization = `Bearer ${backend.apiKey}`;
  try {
    const res = await target.pool.request({
      method: 'POST',
      path: `${target.basePath}/chat/completions`,
      headers,
      body: JSON.stringify(body),
      signal: opts.attempt.signal,
      headersTimeout: backend.timeouts.firstByteMs,
      bodyTimeout: backend.timeouts.firstByteMs,
    });
    return { status: res.statusCode, headers: res.headers, body: res.body };
  } catch (error) {
    throw new UpstreamFailure(classifyUpstreamError(error, opts.attempt.reason()), { cause: error });
  }
}

/** Reads a whole (non-stream or error) body; failures are classified like connection errors. */
export async function readText(res: UpstreamResponse, attempt: AttemptSignal): Promise<string> {
  try {
    return await res.body.text();
  } catch (error) {
    throw new UpstreamFailure(classifyUpstreamError(error, attempt.reason()), { cause: error });
  }
}

export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
