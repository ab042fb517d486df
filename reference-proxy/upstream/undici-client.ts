// The upstream client on Node: one undici Pool per backend, its connections kept alive across
// requests, the connect timeout the backend's own. Requests go through Pool.dispatch with a
// handler of the proxy's own rather than Pool.request, which wraps every answer in a Node
// Readable and an async resource and listens on an AbortSignal: per request, that machinery cost
// more than the proxy's whole routing. Imported by path: Bun answers the bare 'undici' specifier
// with a built-in stand-in whose Pool.request returns undefined.
import type { IncomingHttpHeaders } from 'node:http';
import { Pool } from 'undici/index.js';
import type { Dispatcher } from 'undici/index.js';
import type { ChunkTaker, UpstreamBody, UpstreamClient, UpstreamRequest, UpstreamResponse } from './client.ts';

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
  /** the reader of deliver(), and how its promise settles */
  private taker: ChunkTaker | undefined;
  private delivered: { resolve: () => void; reject: (error: Error) => void } | undefined;
  /** the taker asked to wait: chunks queue until its promise settles */
  private waiting = false;

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
    // the hot path of a relayed stream: straight to its reader, nothing queued or awaited
    if (this.taker && !this.waiting && this.queue.length === 0) {
      this.give(chunk);
      return;
    }
    this.queue.push(chunk);
    if (this.queue.length >= MAX_QUEUED) controller.pause();
    this.notify();
  }

  onResponseEnd(): void {
    this.ended = true;
    if (this.taker) this.flush();
    this.notify();
  }

  onResponseError(_controller: Dispatcher.DispatchController | null, error: Error): void {
    this.failure = error;
    this.rejectHead(error);
    if (this.taker) this.flush();
    this.notify();
  }

  deliver(take: ChunkTaker): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.taker = take;
      this.delivered = { resolve, reject };
      this.flush();
    });
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

  /**
   * Gives the queued chunks to the taker until it waits or stops, as the iterator would hand them
   * out; then settles deliver() if the body is over, else lets the upstream send again.
   */
  private flush(): void {
    while (this.taker && !this.waiting) {
      const chunk = this.queue.shift();
      if (chunk === undefined) break;
      this.give(chunk);
    }
    if (!this.taker || this.waiting) return;
    if (this.failure) this.stopDelivery(this.failure);
    else if (this.ended) this.stopDelivery();
    else this.controller?.resume();
  }

  private give(chunk: Buffer): void {
    let goOn: boolean | Promise<boolean>;
    try {
      goOn = this.taker!(chunk);
    } catch (error) {
      this.stopDelivery(error as Error, true);
      return;
    }
    if (goOn === true) return;
    if (goOn === false) {
      this.stopDelivery(undefined, true);
      return;
    }
    this.waiting = true;
    goOn.then(
      (more) => {
        this.waiting = false;
        if (more) this.flush();
        else this.stopDelivery(undefined, true);
      },
      (error: Error) => {
        this.waiting = false;
        this.stopDelivery(error, true);
      },
    );
  }

  /** Ends deliver(): resolved, or rejected with `error`; `drop` gives up the rest of the body, as leaving a for-await loop does. */
  private stopDelivery(error?: Error, drop = false): void {
    const delivered = this.delivered;
    this.taker = undefined;
    this.delivered = undefined;
    if (drop) this.destroy();
    if (error) delivered?.reject(error);
    else delivered?.resolve();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
