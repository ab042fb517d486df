// One client request in flight (the Exchange every handler gets), and how it ends early: the
// client going away, or the drain deadline. Stopping it stops the upstream attempt directly;
// the AbortSignal handlers may ask for (clientSignal) is made only when one does.
import type { RequestRecord } from '../observe/request-log.ts';
import type { ProxyRequest, ProxyResponse } from '../runtime/http-types.ts';
import type { Exchange } from './context.ts';

export class ClientExchange implements Exchange {
  readonly req: ProxyRequest;
  readonly res: ProxyResponse;
  readonly record: RequestRecord;
  readonly startedMs: number;
  stream?: Exchange['stream'];
  stopUpstream?: () => void;
  /** set once the request was stopped: true, or the reason it was given (the drain's SHUTDOWN) */
  private stopped: unknown;
  private controller: AbortController | undefined;

  constructor(req: ProxyRequest, res: ProxyResponse, record: RequestRecord, startedMs: number) {
    this.req = req;
    this.res = res;
    this.record = record;
    this.startedMs = startedMs;
  }

  get clientSignal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.stopped !== undefined) this.controller.abort(this.stopped);
    }
    return this.controller.signal;
  }

  get aborted(): boolean {
    return this.stopped !== undefined;
  }

  /** why the request was stopped early, if it was */
  get stopReason(): unknown {
    return this.stopped;
  }

  /** The client went away (no reason), or the proxy stops the request (the drain's SHUTDOWN). */
  abort(reason?: unknown): void {
    if (this.stopped !== undefined) return;
    this.stopped = reason ?? true;
    this.stopUpstream?.();
    this.controller?.abort(reason);
  }
}
