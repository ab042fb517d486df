// The upstream faults, as replies for the loopback upstreams. Each answers a streamed or a plain
// request the way a broken backend would.
import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { completion, errorReply, sseHead, textStream } from '../helpers/replies.ts';
import type { Reply, SeenRequest } from '../helpers/upstream.ts';

const isStream = (req: SeenRequest) => req.body?.stream === true;
const COMPLETION = JSON.stringify(completion('Hello there'));
export const STREAM = textStream(['Hel', 'lo', ' there']);
export const STREAM_BYTES = STREAM.map((p) => `data: ${p}\n\n`).join('');

/** A healthy answer in whichever form was asked for. */
export const healthy: Reply = (req, res) => {
  if (isStream(req)) {
    sseHead(res);
    res.end(STREAM_BYTES);
  } else {
    jsonHead(res, COMPLETION.length);
    res.end(COMPLETION);
  }
};

function jsonHead(res: ServerResponse, length?: number): void {
  res.writeHead(200, { 'content-type': 'application/json', ...(length === undefined ? {} : { 'content-length': length }) });
}

/** Sends the first events (stream) or the first part of the body, then `then` happens a moment later. */
export function partial(then: (res: ServerResponse) => void): Reply {
  return (req, res) => {
    if (isStream(req)) {
      sseHead(res);
      res.write(`data: ${STREAM[0]}\n\ndata: ${STREAM[1]}\n\n`);
    } else {
      jsonHead(res, COMPLETION.length);
      res.write(COMPLETION.slice(0, 40));
    }
    setTimeout(() => then(res), 20);
  };
}

export const resetBeforeHeaders: Reply = (_req, res) => {
  res.socket?.destroy();
};
export const hangBeforeHeaders: Reply = () => {};
export const resetMidBody = partial((res) => res.destroy());
export const hangMidBody = partial(() => {});

/** The healthy answer in pieces `gapMs` apart: stream events, or slices of the JSON body. */
export function slowDrip(gapMs: number): Reply {
  return async (req, res) => {
    const pieces = isStream(req) ? STREAM.map((p) => `data: ${p}\n\n`) : [COMPLETION.slice(0, 30), COMPLETION.slice(30, 60), COMPLETION.slice(60)];
    if (isStream(req)) sseHead(res);
    else jsonHead(res, COMPLETION.length);
    for (const piece of pieces) {
      if (res.destroyed) return;
      res.write(piece);
      await sleep(gapMs);
    }
    res.end();
  };
}

export function status(code: number, headers: Record<string, string> = {}): Reply {
  return errorReply(code, `upstream says ${code}`, headers);
}

export const malformedJson: Reply = (_req, res) => {
  jsonHead(res);
  res.end('{"id":"chatcmpl-x","object":"chat.completion","choices":[{"index":0,"message":');
};

export const html: Reply = (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end('<!doctype html><html><body><h1>Welcome to nginx!</h1></body></html>');
};

/** An event stream with lines that are no SSE field and no data at all. */
export const garbageLines: Reply = (_req, res) => {
  sseHead(res);
  res.end('garbage without a colon\n\nmore garbage\n{"not":"framed"}\n\n');
};

/** An event stream that opens with an error event. */
export const errorFirst: Reply = (_req, res) => {
  sseHead(res);
  res.end(`data: ${ERROR_EVENT}\n\n`);
};

export const ERROR_EVENT = '{"error":{"message":"model crashed","type":"server_error","param":null,"code":null}}';

/** An event stream whose first data payload is not JSON. */
export const nonJsonFirst: Reply = (_req, res) => {
  sseHead(res);
  res.end(`data: <html>oops</html>\n\n${STREAM_BYTES}`);
};

/** Valid events, then a data payload that is not JSON, then the rest. */
export const nonJsonMidStream = partial((res) => res.end(`data: Internal Server Error\n\n${STREAM.slice(2).map((p) => `data: ${p}\n\n`).join('')}`));

/** Garbage lines around valid events: SSE parsers ignore lines that are not fields. */
export const garbageAroundEvents: Reply = (_req, res) => {
  sseHead(res);
  res.end(`garbage line\n${STREAM.map((p) => `data: ${p}\n\nnoise\n`).join('')}`);
};

/** A 200 JSON body of `bytes` bytes (a long string field), written in 1 MiB pieces. */
export function hugeJson(bytes: number): Reply {
  return async (_req, res) => {
    jsonHead(res);
    const piece = 'x'.repeat(1 << 20);
    res.write('{"id":"chatcmpl-huge","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"');
    for (let sent = 0; sent < bytes && !res.destroyed; sent += piece.length) {
      if (!res.write(piece)) await new Promise((resolve) => res.once('drain', resolve).once('close', resolve));
    }
    if (!res.destroyed) res.end('"},"finish_reason":"stop"}]}');
  };
}

/** A long, healthy stream: `events` content chunks then [DONE]. */
export function longStream(events: number): Reply {
  return async (_req, res) => {
    sseHead(res);
    const payloads = textStream(Array.from({ length: events }, (_, i) => `token${i} `.repeat(50)));
    for (const p of payloads) {
      if (res.destroyed) return;
      if (!res.write(`data: ${p}\n\n`)) await new Promise((resolve) => res.once('drain', resolve).once('close', resolve));
    }
    res.end();
  };
}
