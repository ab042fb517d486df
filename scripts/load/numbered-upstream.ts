// The load test's backend: streams `chunks` numbered chunks (`seq`, and the `stream_id` the client
// put in its request's metadata) with a delay between them, then [DONE]. It records when it sees a
// stream's connection close before the end (the proxy propagating a client's abort), on the clock
// shared across processes, the moment the socket's close event fires; and which streams it sent to
// the end, since an abort that arrives after the end has nothing left to stop.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { epochMs } from './shared-clock.ts';

export interface NumberedUpstream {
  baseUrl: string;
  /** streams completed to [DONE] */
  completed(): number;
  close(): Promise<void>;
}

export interface UpstreamOptions {
  chunks: number;
  delayMs: number;
  /** a stream's connection closed before its end; `atEpochMs` from epochMs() */
  onClosedEarly: (streamId: string, atEpochMs: number) => void;
  /** the whole stream, [DONE] included, was written */
  onFinished?: (streamId: string) => void;
}

export function numberedChunk(streamId: string, seq: number, last: boolean): string {
  return JSON.stringify({
    id: `chatcmpl-${streamId}`,
    object: 'chat.completion.chunk',
    created: 1_700_000_000,
    model: 'load-model',
    choices: [{ index: 0, delta: last ? {} : { content: `${seq} ` }, logprobs: null, finish_reason: last ? 'stop' : null }],
    seq,
    stream_id: streamId,
  });
}

export async function startNumberedUpstream(opts: UpstreamOptions): Promise<NumberedUpstream> {
  let completed = 0;
  const server = createServer((req, res) => {
    void serve(req, res, opts).then((done) => {
      if (done) completed++;
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    completed: () => completed,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function serve(req: IncomingMessage, res: ServerResponse, opts: UpstreamOptions): Promise<boolean> {
  let text = '';
  for await (const part of req) text += part;
  const streamId = String((JSON.parse(text) as { metadata?: { load_stream?: unknown } }).metadata?.load_stream ?? 'unknown');
  let finished = false;
  res.on('close', () => {
    if (!finished) opts.onClosedEarly(streamId, epochMs());
  });
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  for (let seq = 0; seq < opts.chunks; seq++) {
    if (res.destroyed) return false;
    res.write(`data: ${numberedChunk(streamId, seq, seq === opts.chunks - 1)}\n\n`);
    await new Promise((resolve) => setTimeout(resolve, opts.delayMs));
  }
  if (res.destroyed) return false;
  finished = true;
  opts.onFinished?.(streamId);
  res.end('data: [DONE]\n\n');
  return true;
}
