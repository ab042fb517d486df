// The client's side of a streamed answer. The head is written lazily with the first event, so
// until then the proxy can still fail over; writes wait for drain instead of buffering.
import type { ProxyResponse } from '../runtime/http-types.ts';

const STREAM_HEAD = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
  // nginx and similar buffer responses by default; this turns that off for streams
  'x-accel-buffering': 'no',
};

export class ClientStream {
  started = false;
  private readonly res: ProxyResponse;
  private readonly onStart: () => void;

  constructor(res: ProxyResponse, onStart: () => void) {
    this.res = res;
    this.onStart = onStart;
  }

  /** Resolves once the client can take more (at once unless its buffer is full), or left. */
  async write(data: string | Uint8Array): Promise<void> {
    const full = this.writeNow(data);
    if (full) await full;
  }

  /**
   * write() for the per-chunk hot path: undefined when the client can take more at once, else a
   * promise of its drain, so a relay awaits (a microtask per chunk) only when it has to.
   */
  writeNow(data: string | Uint8Array): Promise<void> | undefined {
    if (!this.started) this.start();
    if (this.res.closed || this.res.write(data)) return undefined;
    return this.res.drained();
  }

  end(): void {
    if (!this.started) this.start();
    this.res.end();
  }

  private start(): void {
    this.started = true;
    this.res.startStream(200, STREAM_HEAD);
    this.onStart();
  }
}
