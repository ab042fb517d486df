// The upstream client on Bun: fetch, Bun's native HTTP client (its keep-alive pool is shared by
// every backend). undici's timeouts are kept: the head must come within firstByteMs, and then
// each piece of the body within firstByteMs of the one before. A timeout is an error with code
// ETIMEDOUT, read as a timeout by classify-error.ts.
import type { IncomingHttpHeaders } from 'node:http';
import type { UpstreamBody, UpstreamClient, UpstreamRequest, UpstreamResponse } from './client.ts';

export class FetchClient implements UpstreamClient {
  private readonly origin: string;
  /** requests in flight, so close() can cut them as undici's Pool.destroy does */
  private readonly inFlight = new Set<AbortController>();

  constructor(origin: string) {
    this.origin = origin;
  }

  async request(r: UpstreamRequest): Promise<UpstreamResponse> {
    const controller = new AbortController();
    r.cancel.onAbort((reason) => controller.abort(reason));
    this.inFlight.add(controller);
    const forget = () => this.inFlight.delete(controller);
    const timer = setTimeout(() => controller.abort(timeoutError('headers', r.firstByteMs)), r.firstByteMs);
    let res: Response;
    try {
      res = await fetch(this.origin + r.path, {
        method: 'POST',
        // fetch asks for compressed answers by default: the proxy would pay to inflate them
        headers: { 'accept-encoding': 'identity', ...r.headers },
        body: r.body,
        signal: controller.signal,
        redirect: 'manual',
      });
    } catch (error) {
      forget();
      throw error;
    } finally {
      clearTimeout(timer);
    }
    return { status: res.status, headers: headersOf(res.headers), body: new FetchBody(res, controller, r.firstByteMs, forget) };
  }

  async close(): Promise<void> {
    for (const controller of this.inFlight) controller.abort(new Error('the proxy is closing'));
    this.inFlight.clear();
  }
}

class FetchBody implements UpstreamBody {
  private readonly res: Response;
  private readonly controller: AbortController;
  private readonly idleMs: number;
  private readonly forget: () => boolean;

  constructor(res: Response, controller: AbortController, idleMs: number, forget: () => boolean) {
    this.res = res;
    this.controller = controller;
    this.idleMs = idleMs;
    this.forget = forget;
  }

  async text(): Promise<string> {
    const timer = setTimeout(() => this.controller.abort(timeoutError('body', this.idleMs)), this.idleMs);
    try {
      return await this.res.text();
    } finally {
      clearTimeout(timer);
      this.forget();
    }
  }

  async dump(): Promise<void> {
    await this.res.body?.cancel().catch(() => undefined);
    this.forget();
  }

  destroy(): void {
    this.controller.abort(new Error('the proxy dropped the answer'));
    this.forget();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Buffer> {
    const reader = this.res.body?.getReader();
    if (!reader) {
      this.forget();
      return;
    }
    const timer = setTimeout(() => this.controller.abort(timeoutError('body', this.idleMs)), this.idleMs);
    let done = false;
    try {
      for (;;) {
        const next = await reader.read();
        if (next.done) break;
        timer.refresh();
        yield Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
      }
      done = true;
    } finally {
      clearTimeout(timer);
      // a reader that stops early (the relay broke off) closes the connection, as undici's does
      if (!done) this.controller.abort(new Error('the proxy stopped reading the answer'));
      this.forget();
    }
  }
}

function timeoutError(what: 'headers' | 'body', ms: number): Error {
  return Object.assign(new Error(`no ${what === 'headers' ? 'answer' : 'body data'} within ${ms} ms`), { code: 'ETIMEDOUT' });
}

function headersOf(headers: Headers): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = {};
  headers.forEach((value, name) => {
    out[name] = value;
  });
  return out;
}
