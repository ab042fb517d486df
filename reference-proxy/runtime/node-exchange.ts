// node:http's request and response behind the core's ProxyRequest and ProxyResponse
// (http-types.ts): thin wrappers, so Node serves with no copy of headers or bodies.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bodyIncomplete, bodyTooLarge } from '../handlers/read-body.ts';
import type { ProxyRequest, ProxyResponse, RequestHeaders, ResponseHeaders } from './http-types.ts';

export class NodeRequest implements ProxyRequest {
  private readonly raw: IncomingMessage;

  constructor(raw: IncomingMessage) {
    this.raw = raw;
  }

  get method(): string {
    return this.raw.method ?? 'GET';
  }

  get url(): string {
    return this.raw.url ?? '/';
  }

  get headers(): RequestHeaders {
    return this.raw.headers;
  }

  get httpVersion(): string {
    return this.raw.httpVersion;
  }

  header(name: string): string | undefined {
    const value = this.raw.headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  }

  readBody(maxBytes: number): Promise<string> {
    const raw = this.raw;
    const declared = Number(raw.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) return Promise.reject(bodyTooLarge(maxBytes));
    // Most bodies arrive with their headers: the parser has them all buffered already, and they
    // are taken at once instead of through 'data' events a tick later.
    if (raw.complete && raw.readableLength <= maxBytes) {
      const whole = raw.read() as Buffer | null;
      if (raw.readableLength === 0) return Promise.resolve(whole === null ? '' : whole.toString('utf8'));
      if (whole !== null) raw.unshift(whole);
    }
    return readCapped(raw, maxBytes);
  }
}

export class NodeResponse implements ProxyResponse {
  streaming = false;
  private readonly raw: ServerResponse;
  /** headers set before the answer: sent with its head in one writeHead */
  private pending: Record<string, string> | undefined;

  constructor(raw: ServerResponse) {
    this.raw = raw;
  }

  get headersSent(): boolean {
    return this.raw.headersSent;
  }

  get ended(): boolean {
    return this.raw.writableEnded;
  }

  get finished(): boolean {
    return this.raw.writableFinished;
  }

  get closed(): boolean {
    return this.raw.destroyed;
  }

  get statusCode(): number {
    return this.raw.statusCode;
  }

  setHeader(name: string, value: string): void {
    (this.pending ??= {})[name] = value;
  }

  send(status: number, headers: ResponseHeaders, body: string): void {
    this.raw.writeHead(status, this.pending ? Object.assign(this.pending, headers) : headers);
    this.raw.end(body);
  }

  startStream(status: number, headers: ResponseHeaders): void {
    this.streaming = true;
    this.raw.writeHead(status, this.pending ? Object.assign(this.pending, headers) : headers);
    this.raw.flushHeaders();
  }

  write(chunk: string | Uint8Array): boolean {
    return this.raw.write(chunk);
  }

  drained(): Promise<void> {
    const res = this.raw;
    return new Promise((resolve) => {
      const done = () => {
        res.off('drain', done);
        res.off('close', done);
        resolve();
      };
      res.on('drain', done);
      res.on('close', done);
    });
  }

  end(): void {
    if (!this.raw.headersSent) this.raw.writeHead(this.raw.statusCode, this.pending);
    this.raw.end();
  }

  onClose(listener: () => void): void {
    this.raw.once('close', listener);
  }
}

function readCapped(req: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    // a request body mostly arrives in one piece: concatenate only when it does not
    let first: Buffer | undefined;
    let rest: Buffer[] | undefined;
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        cleanup();
        // Keep draining without storing so the 413 can be written; the connection is closed after it.
        req.resume();
        reject(bodyTooLarge(maxBytes));
        return;
      }
      if (first === undefined) first = chunk;
      else (rest ??= [first]).push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(rest ? Buffer.concat(rest).toString('utf8') : (first?.toString('utf8') ?? ''));
    };
    // The client hung up or timed out mid-body: its mistake, not the proxy's (nobody reads the answer).
    const onError = () => {
      cleanup();
      reject(bodyIncomplete());
    };
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}
