// How one upstream attempt is stopped: the client went away, or the backend's total timeout
// passed; it remembers which (for failover vs. giving up). No EventTarget: the client's side
// calls clientGone() directly and the upstream request registers one plain listener, so an
// attempt costs neither AbortSignal listeners nor, unless asked for, an AbortController.
import type { Cancellation } from './client.ts';

export type AttemptStop = 'client' | 'timeout';

export class AttemptSignal implements Cancellation {
  private why: AttemptStop | undefined;
  private error: Error | undefined;
  private listeners: Array<(reason: Error) => void> | undefined;
  private controller: AbortController | undefined;
  private readonly timer: NodeJS.Timeout;
  private readonly totalMs: number;

  constructor(totalMs: number) {
    this.totalMs = totalMs;
    this.timer = setTimeout(() => this.stop('timeout'), totalMs);
    this.timer.unref();
  }

  /** why the attempt was stopped, if it was */
  reason(): AttemptStop | undefined {
    return this.why;
  }

  get aborted(): boolean {
    return this.why !== undefined;
  }

  /** An AbortSignal for APIs that take one (an image download), made on first use. */
  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.error) this.controller.abort(this.error);
    }
    return this.controller.signal;
  }

  onAbort(listener: (reason: Error) => void): void {
    if (this.error) listener(this.error);
    else (this.listeners ??= []).push(listener);
  }

  /** The client went away (or the proxy is shutting down). */
  clientGone(): void {
    this.stop('client');
  }

  stop(why: AttemptStop): void {
    if (this.why) return;
    this.why = why;
    this.error = new Error(why === 'client' ? 'the client closed the connection' : `no complete answer within ${this.totalMs} ms`);
    clearTimeout(this.timer);
    const listeners = this.listeners;
    this.listeners = undefined;
    if (listeners) for (const listener of listeners) listener(this.error);
    this.controller?.abort(this.error);
  }

  /** The attempt is over: its timer and listeners go. */
  dispose(): void {
    clearTimeout(this.timer);
    this.listeners = undefined;
  }
}
