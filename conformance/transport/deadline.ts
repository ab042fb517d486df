// One clock and one abort switch per exchange. The whole exchange (head, body, stream) shares a
// single deadline so a server that hangs at any stage is cut off, and aborting the request makes
// undici destroy the socket, so nothing is left open.

export class Deadline {
  /** epoch ms when the exchange started */
  readonly startedAt = Date.now();
  private readonly t0 = performance.now();
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private expiredFlag = false;

  readonly ms: number;

  constructor(ms: number) {
    this.ms = ms;
    this.timer = setTimeout(() => {
      this.expiredFlag = true;
      this.controller.abort();
    }, ms);
  }

  /** ms since the exchange started */
  readonly since = (): number => performance.now() - this.t0;

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** the deadline passed, so whatever failed after it failed because of it */
  get expired(): boolean {
    return this.expiredFlag;
  }

  /** Stops the exchange early (a cap was hit). */
  abort(): void {
    this.controller.abort();
  }

  /** The exchange is over: the timer must not keep the process alive. */
  clear(): void {
    clearTimeout(this.timer);
  }
}
