// The upstream client on Node: one undici Pool per backend, its connections kept alive across
// requests, the connect timeout the backend's own. Requests go through Pool.dispatch with a
// handler of the proxy's own rather than Pool.request, which wraps every answer in a Node
// Readable and an async resource and listens on an AbortSignal: per request, that machinery cost
// more than the proxy's whole routing. Imported by path: Bun answers the bare 'undici' specifier
// with a built-in stand-in whose Pool.request returns undefined.
import type { IncomingHttpHeaders } from 'node:http';
import { Pool } from 'undici/index.js';
import type { Dispatcher } from 'undici/index.js';
import type { UpstreamBody, UpstreamClient, UpstreamRequest, UpstreamResponse } from './client.ts';

/** Chunks queued for a reader that is behind before the upstream connection is paused. */
const MAX_QUEUED = 16;

export class UndiciClient implements UpstreamClient {
  private readonly pool: Pool;

  /** `connections`: the most at once (the backend's maxConcurrency), null for no limit */
  constructor(origin: string, connectMs: number, connections: number | null) {
    this.pool = new Pool(origin, { connect: { timeout: connectMs }, keepAliveTimeout: 30_000, connections });
  }

  request(r: UpstreamRequest): Promise<UpstreamResponse> {
    const handler = new UpstreamExchange(r);
    this.pool.dispatch(
      { method: 'POST', path: r.path, headers: r.headers, body: r.body, headersTimeout: r.firstByteMs, bodyTimeout: r.firstByteMs },
      handler,
    );
    return handler.head;
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}

/** One upstream request: the dispatch handler, the response it resolves with, and its body. */
class UpstreamExchange implements Dispatcher.DispatchHandler, UpstreamResponse, UpstreamBody {
  readonly head: Promise<UpstreamResponse>;
  status = 0;
  headers: IncomingHttpHeaders = {};
  private resolveHead!: (res: UpstreamResponse) => void;
  private rejectHead!: (error: Error) => void;
  private controller: Dispatcher.DispatchController | null = null;
  /** body chunks not yet taken by the reader */
  private readonly queue: Buffer[] = [];
  private ended = false;
  private failure: Error | undefined;
  /** the reader waiting for the next chunk, the end or the failure */
  private wake: (() => void) | undefined;
  private discard = false;
  private readonly cancel: UpstreamRequest['cancel'];

  constructor(r: UpstreamRequest) {
    this.cancel = r.cancel;
    this.head = new Promise((resolve, reject) => {
      this.resolveHead = resolve;
      this.rejectHead = reject;
    });
  }

  get body(): UpstreamBody {
    return this;
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    this.cancel.onAbort((reason) => controller.abort(reason));
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number, headers: IncomingHttpHeaders): void {
    // 1xx answers (100 Continue) come before the real one
    if (statusCode < 200) return;
    this.status = statusCode;
    this.headers = headers;
    this.resolveHead(this);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.discard) return;
    this.queue.push(chunk);
    if (this.queue.length >= MAX_QUEUED) controller.pause();
    this.notify();
  }

  onResponseEnd(): void {
    this.ended = true;
    this.notify();
  }

  onResponseError(_controller: Dispatcher.DispatchController | null, error: Error): void {
    this.failure = error;
    this.rejectHead(error);
    this.notify();
  }

  async text(): Promise<string> {
    while (!this.ended) await this.next();
    return this.queue.length === 1 ? this.queue[0].toString('utf8') : Buffer.concat(this.queue).toString('utf8');
  }

  async dump(): Promise<void> {
    this.discard = true;
    this.queue.length = 0;
    this.controller?.resume();
    while (!this.ended && this.failure === undefined) await this.settled().catch(() => undefined);
  }

  destroy(): void {
    if (this.ended || this.failure) return;
    this.failure = new Error('the proxy stopped reading the answer');
    this.controller?.abort(this.failure);
  }

  [Symbol.asyncIterator](): AsyncIterator<Buffer> {
    return {
      next: async (): Promise<IteratorResult<Buffer>> => {
        while (this.queue.length === 0 && !this.ended) await this.next();
        const chunk = this.queue.shift();
        if (this.queue.length === 0) this.controller?.resume();
        return chunk === undefined ? { done: true, value: undefined } : { done: false, value: chunk };
      },
      // a reader that stops early (the relay broke off) closes the connection, as undici's streams do
      return: async (): Promise<IteratorResult<Buffer>> => {
        this.destroy();
        return { done: true, value: undefined };
      },
    };
  }

  /** Waits for the next chunk, the end or a failure; throws the failure. */
  private async next(): Promise<void> {
    if (this.failure) throw this.failure;
    await this.settled();
  }

  private settled(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.wake = () => (this.failure ? reject(this.failure) : resolve());
    });
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
