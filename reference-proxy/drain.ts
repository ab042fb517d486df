// Graceful shutdown's bookkeeping: which requests are in flight, and waiting for them. On
// SIGTERM the proxy stops accepting connections and /readyz answers 503; requests in flight get
// until the drain deadline (shutdown.drainMs) to finish. Those still running then are aborted with
// SHUTDOWN: the server ends a started stream with an OpenAI error event and answers any other
// request with a 503, so no client is left with a silent truncation.
import { ProxyError } from './errors.ts';

/** The abort reason of requests cut at the drain deadline. */
export const SHUTDOWN = new Error('the proxy is shutting down');

/** How long aborted requests get to write their last words before their connections are closed. */
const ABORT_GRACE_MS = 1_000;

/** A request in flight as the drain sees it: something to abort at the deadline (an AbortController will do). */
export interface Abortable {
  abort(reason: unknown): void;
}

export class Drain {
  draining = false;
  private readonly inFlight = new Set<Abortable>();
  private onIdle?: () => void;

  /** Registers one request; call the returned function when its answer is complete. */
  track(controller: Abortable): () => void {
    this.inFlight.add(controller);
    return () => {
      this.inFlight.delete(controller);
      if (this.inFlight.size === 0) this.onIdle?.();
    };
  }

  get size(): number {
    return this.inFlight.size;
  }

  /** Waits for the requests in flight up to `deadlineMs`, then aborts the rest and gives them a moment to end. */
  async run(deadlineMs: number): Promise<void> {
    this.draining = true;
    if (await this.idle(deadlineMs)) return;
    for (const controller of this.inFlight) controller.abort(SHUTDOWN);
    await this.idle(ABORT_GRACE_MS);
  }

  private idle(ms: number): Promise<boolean> {
    if (this.inFlight.size === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.onIdle = undefined;
        resolve(false);
      }, ms);
      this.onIdle = () => {
        clearTimeout(timer);
        this.onIdle = undefined;
        resolve(true);
      };
    });
  }
}

export function shuttingDownError(): ProxyError {
  return new ProxyError(503, 'The proxy is shutting down and could not finish this request in time. Retry it; another replica will answer.', {
    code: 'server_shutting_down',
    headers: { 'retry-after': '1' },
  });
}
