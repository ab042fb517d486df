// Sends one request to one backend. The only place the proxy talks to an upstream: the backend's
// own key (never the client's), the backend's timeouts, and a URL from config plus the path of
// an API the proxy serves.
import type { IncomingHttpHeaders } from 'node:http';
import type { BackendConfig } from '../types.ts';
import type { AttemptSignal } from './attempt-signal.ts';
import { classifyUpstreamError, type UpstreamErrorKind } from './classify-error.ts';
import type { UpstreamResponse } from './client.ts';
import type { BackendPool } from './pools.ts';

export type { UpstreamResponse } from './client.ts';

/** A failed attempt without an HTTP answer; the message never contains the URL or key. */
export class UpstreamFailure extends Error {
  readonly kind: UpstreamErrorKind;

  constructor(kind: UpstreamErrorKind, options?: { cause?: unknown }) {
    super(`upstream ${kind}`, options);
    this.kind = kind;
    this.name = 'UpstreamFailure';
  }
}

export interface CallOptions {
  attempt: AttemptSignal;
  requestId: string;
  stream: boolean;
}

/** POSTs `body` to `path` under the backend's /v1 root (e.g. "/chat/completions"). */
export async function callUpstream(target: BackendPool, backend: BackendConfig, path: string, body: unknown, opts: CallOptions): Promise<UpstreamResponse> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: opts.stream ? 'text/event-stream' : 'application/json',
    'x-request-id': opts.requestId,
  };
  if (backend.apiKey) headers.authorization = `Bearer ${backend.apiKey}`;
  try {
    return await target.client.request({
      path: target.basePath + path,
      headers,
      body: JSON.stringify(body),
      cancel: opts.attempt,
      firstByteMs: backend.timeouts.firstByteMs,
    });
  } catch (error) {
    throw new UpstreamFailure(classifyUpstreamError(error, opts.attempt.reason()), { cause: error });
  }
}

/**
 * The largest non-stream answer the proxy reads. A chat completion is rarely above a few MiB even
 * with n=128 and logprobs; anything bigger is a broken or hostile backend, and holding it would
 * cost the proxy its memory. Streams are relayed without holding them, so they have no cap.
 */
export const MAX_RESPONSE_BYTES = 64 * 2 ** 20;

/** Reads a whole (non-stream or error) body; failures are classified like connection errors. */
export async function readText(res: UpstreamResponse, attempt: AttemptSignal, maxBytes = MAX_RESPONSE_BYTES): Promise<string> {
  const declared = Number(headerValue(res.headers, 'content-length'));
  if (declared > maxBytes) return tooLarge(res);
  try {
    // the HTTP parser delivers no more than a declared length: read whole, no iterator per chunk
    if (Number.isInteger(declared)) return await res.body.text();
  } catch (error) {
    throw new UpstreamFailure(classifyUpstreamError(error, attempt.reason()), { cause: error });
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of res.body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) break;
      chunks.push(chunk);
    }
  } catch (error) {
    throw new UpstreamFailure(classifyUpstreamError(error, attempt.reason()), { cause: error });
  }
  if (size > maxBytes) return tooLarge(res);
  return Buffer.concat(chunks).toString('utf8');
}

function tooLarge(res: UpstreamResponse): never {
  res.body.destroy();
  throw new UpstreamFailure('too_large');
}

export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
