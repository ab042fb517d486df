// Writing answers: JSON bodies, and every error as the OpenAI envelope via ProxyError.
import { ProxyError } from '../errors.ts';
import type { ProxyResponse } from '../runtime/http-types.ts';
import type { ErrorBody } from '../types.ts';

export function sendJson(res: ProxyResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendText(res, status, typeof body === 'string' ? body : JSON.stringify(body), headers);
}

/** Sends an already-serialised JSON body as is. */
export function sendText(res: ProxyResponse, status: number, text: string, headers?: Record<string, string>): void {
  const head = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) };
  res.send(status, headers ? { ...headers, ...head } : head, text);
}

export function sendError(res: ProxyResponse, error: ProxyError): void {
  sendJson(res, error.status, error.toBody(), error.headers);
}

export function sendEnvelope(res: ProxyResponse, status: number, body: ErrorBody, headers: Record<string, string> = {}): void {
  sendJson(res, status, body, headers);
}

/** Anything thrown while handling a request, as the error the client should see. */
export function toProxyError(error: unknown): ProxyError {
  if (error instanceof ProxyError) return error;
  return new ProxyError(500, 'The proxy failed while handling this request; the error has been logged. Retry, and report it if it persists.', {
    code: 'internal_error',
  });
}
