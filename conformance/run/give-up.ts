// A target that stops answering must not cost a full timeout per request (21 requests at 30 s,
// four at a time, kept a hanging server busy for 180 s): after a few timeouts in a row with no
// answer in between, the rest of its requests are not sent and the target ends as not run, with
// a reason that names the --timeout flag.

/** Timeouts in a row after which a target's remaining requests are not sent. */
export const GIVE_UP_AFTER_TIMEOUTS = 3;

export class TimeoutBreaker {
  private streak = 0;
  private notSent = 0;
  private tripped = false;

  private readonly limit: number;
  private readonly timeoutMs: number;

  constructor(
    limit: number,
    timeoutMs: number,
  ) {
    this.limit = limit;
    this.timeoutMs = timeoutMs;
  }

  /** true once `limit` requests in a row timed out: send nothing more */
  get open(): boolean {
    return this.tripped;
  }

  /** an exchange ended: a timeout lengthens the streak, any answer ends it */
  record(exchange: { status?: number; transportError?: { kind: string } }): void {
    if (exchange.transportError?.kind === 'timeout') this.streak += 1;
    else if (exchange.status !== undefined) this.streak = 0;
    if (this.streak >= this.limit) this.tripped = true;
  }

  /** a request was not sent because the breaker was open */
  skip(): void {
    this.notSent += 1;
  }

  /** why the target was given up on, or undefined when it was not */
  reason(): string | undefined {
    if (!this.tripped) return undefined;
    return (
      `${this.limit} requests in a row got no answer within the ${this.timeoutMs} ms timeout${this.notSent ? `, so the other ${this.notSent} were not sent` : ''}. ` +
      `If the endpoint is just slow (loading a model can take minutes), raise --timeout (timeoutMs in a config file), e.g. --timeout ${this.timeoutMs * 4}; otherwise the server hangs`
    );
  }
}
