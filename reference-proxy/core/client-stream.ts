// The client's side of a streamed answer. The head is written lazily with the first event, so
// until then the proxy can still fail over; writes wait for drain instead of buffering.
import type { ServerResponse } from 'node:http';

export class ClientStream {
  started = false;

  constructor(private readonly res: ServerResponse, private readonly onStart: () => void) {}

  async write(data: string | Buffer): Promise<void> {
    if (!this.started) this.start();
    if (this.res.destroyed) return;
    if (!this.res.write(data)) await drainOrClose(this.res);
  }

  end(): void {
    if (!this.started) this.start();
    this.res.end();
  }

  private start(): void {
    this.started = true;
    this.res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      // nginx and similar buffer responses by default; this turns that off for streams
      'x-accel-buffering': 'no',
    });
    this.res.flushHeaders();
    this.onStart();
  }
}

function drainOrClose(res: ServerResponse): Promise<void> {
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
