// A Bun.serve request and the Response the proxy answers it with, behind the core's ProxyRequest
// and ProxyResponse (http-types.ts). A whole answer is one Response; a stream is a Response over
// a ReadableStream the core writes into, its backpressure read from the stream's queue.
import { bodyIncomplete, bodyTooLarge } from '../handlers/read-body.ts';
import { ProxyError } from '../errors.ts';
import type { ProxyRequest, ProxyResponse, RequestHeaders, ResponseHeaders } from './http-types.ts';

/** Bytes a stream queues for a slow client before write() says to wait, as node:http's 16 KiB. */
const STREAM_HIGH_WATER_MARK = 16 * 1024;

export class BunRequest implements ProxyRequest {
  readonly method: string;
  readonly url: string;
  /** Bun does not tell; it refuses an HTTP/1.1 request without Host itself */
  readonly httpVersion = '';
  private readonly raw: Request;
  private readonly bodyDeadline: number;
  private parsed: RequestHeaders | undefined;

  /** `bodyDeadline`: performance.now() by which the body must be in (limits.requestTimeoutMs) */
  constructor(raw: Request, bodyDeadline: number) {
    this.raw = raw;
    this.method = raw.method;
    this.url = pathOf(raw.url);
    this.bodyDeadline = bodyDeadline;
  }

  get headers(): RequestHeaders {
    return (this.parsed ??= (this.raw.headers as Headers & { toJSON(): RequestHeaders }).toJSON());
  }

  header(name: string): string | undefined {
    return this.raw.headers.get(name) ?? undefined;
  }

  async readBody(maxBytes: number): Promise<string> {
    const declared = this.raw.headers.get('content-length');
    if (declared !== null && Number(declared) > maxBytes) throw bodyTooLarge(maxBytes);
    // a declared length is read natively, Bun's fast path; a chunked body piece by piece, capped
    const reading = declared !== null ? this.raw.text() : readCapped(this.raw.body, maxBytes);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(requestTimeout()), Math.max(0, this.bodyDeadline - performance.now()));
    });
    try {
      return await Promise.race([reading, late]);
    } catch (error) {
      // the client hung up mid-body, or Bun gave up on it
      throw error instanceof ProxyError ? error : bodyIncomplete();
    } finally {
      clearTimeout(timer);
      reading.catch(() => undefined);
    }
  }
}

/**
 * The path and query as sent, which the core routes on: Request.url is absolute
 * ("http://host/path?query"), or the path alone for a request without Host (HTTP/1.0).
 */
export function pathOf(url: string): string {
  const scheme = url.indexOf('://');
  if (scheme < 0) return url.startsWith('/') ? url : '/';
  const path = url.indexOf('/', scheme + 3);
  return path < 0 ? '/' : url.slice(path);
}

/** A body of unknown length (chunked), read until it ends or passes `maxBytes`. */
async function readCapped(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<string> {
  if (!body) return '';
  const reader = body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      void reader.cancel().catch(() => undefined);
      throw bodyTooLarge(maxBytes);
    }
    parts.push(value);
  }
  return Buffer.concat(parts).toString('utf8');
}

/** What node:http answers a request whose body is too slow (runtime/node-http.ts), as a ProxyError. */
function requestTimeout(): ProxyError {
  return new ProxyError(408, 'The request was not received completely in time. Send it again, faster or smaller.', {
    code: 'bad_http_request',
    headers: { connection: 'close' },
  });
}

export class BunResponse implements ProxyResponse {
  headersSent = false;
  ended = false;
  closed = false;
  streaming = false;
  statusCode = 200;
  /** the Response for Bun.serve, once the head is decided */
  readonly response: Promise<Response>;
  private resolve!: (response: Response) => void;
  private pending: Record<string, string> | undefined;
  private controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  private waiting: Array<() => void> | undefined;
  private listeners: Array<() => void> | undefined;
  private aborted = false;

  constructor(clientGone: AbortSignal) {
    this.response = new Promise((resolve) => {
      this.resolve = resolve;
    });
    clientGone.addEventListener('abort', () => this.gone(), { once: true });
  }

  get finished(): boolean {
    return this.ended && !this.aborted;
  }

  setHeader(name: string, value: string): void {
    (this.pending ??= {})[name] = value;
  }

  send(status: number, headers: ResponseHeaders, body: string): void {
    this.head(status);
    this.ended = true;
    this.resolve(new Response(status === 204 || status === 304 ? null : body, { status, headers: this.merged(headers) }));
    this.done();
  }

  startStream(status: number, headers: ResponseHeaders): void {
    this.head(status);
    this.streaming = true;
    const stream = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          this.controller = controller;
        },
        pull: () => this.wake(),
        cancel: () => this.gone(),
      },
      { highWaterMark: STREAM_HIGH_WATER_MARK, size: (chunk) => chunk.byteLength },
    );
    this.resolve(new Response(stream, { status, headers: this.merged(headers) }));
  }

  write(chunk: string | Uint8Array): boolean {
    if (this.closed || !this.controller) return true;
    this.controller.enqueue(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    return (this.controller.desiredSize ?? 1) > 0;
  }

  drained(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => (this.waiting ??= []).push(resolve));
  }

  end(): void {
    if (this.ended) return;
    if (!this.headersSent) {
      this.send(this.statusCode, {}, '');
      return;
    }
    this.ended = true;
    if (!this.closed) this.controller?.close();
    this.done();
  }

  onClose(listener: () => void): void {
    if (this.closed) queueMicrotask(listener);
    else (this.listeners ??= []).push(listener);
  }

  private head(status: number): void {
    this.statusCode = status;
    this.headersSent = true;
  }

  /** the headers set before, then the answer's; a number (content-length) is written as its digits */
  private merged(headers: ResponseHeaders): Record<string, string> {
    return (this.pending ? Object.assign(this.pending, headers) : headers) as Record<string, string>;
  }

  /** The client went away (its request's signal, or the stream cancelled) before the answer was complete. */
  private gone(): void {
    if (this.closed) return;
    if (!this.ended) this.aborted = true;
    this.done();
  }

  /** The connection is done with this answer: tell whoever waits, once. */
  private done(): void {
    if (this.closed) return;
    this.closed = true;
    this.wake();
    const listeners = this.listeners;
    this.listeners = undefined;
    // after the current call, as node:http emits 'close' on a later tick
    if (listeners) queueMicrotask(() => listeners.forEach((l) => l()));
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.forEach((w) => w());
  }
}
