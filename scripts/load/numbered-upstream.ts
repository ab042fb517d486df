// The load test's backend: streams `chunks` numbered chunks (`seq`, and the `stream_id` the client
// put in its request's metadata) with a delay between them, then [DONE]. It records when it sees a
// stream's connection close before the end (the proxy propagating a client's abort).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface NumberedUpstream {
  baseUrl: string;
  /** stream id -> performance.now() when the upstream saw that stream closed early */
  closedEarly: Map<string, number>;
  /** streams completed to [DONE] */
  completed(): number;
  close(): Promise<void>;
}

export interface UpstreamOptions {
  chunks: number;
  delayMs: number;
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
  const closedEarly = new Map<string, number>();
  let completed = 0;
  const server = createServer((req, res) => {
    void serve(req, res, opts, closedEarly).then((done) => {
      if (done) completed++;
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    closedEarly,
    completed: () => completed,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function serve(req: IncomingMessage, res: ServerResponse, opts: UpstreamOptions, closedEarly: Map<string, number>): Promise<boolean> {
  let text = '';
  for await (const part of req) text += part;
  const streamId = String((JSON.parse(text) as { metadata?: { load_stream?: unknown } }).metadata?.load_stream ?? 'unknown');
  let finished = false;
  res.on('close', () => {
    if (!finished) closedEarly.set(streamId, performance.now());
  });
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  for (let seq = 0; seq < opts.chunks; seq++) {
    if (res.destroyed) return false;
    res.write(`data: ${numberedChunk(streamId, seq, seq === opts.chunks - 1)}\n\n`);
    await new Promise((resolve) => setTimeout(resolve, opts.delayMs));
  }
  if (res.destroyed) return false;
  finished = true;
  res.end('data: [DONE]\n\n');
  return true;
}
