// The upstream faults, as replies for the loopback upstreams. Each answers a streamed or a plain
// request the way a broken backend would, in the shape of the endpoint asked (chat, legacy
// completions, embeddings, Responses), so the same faults run against every endpoint.
import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { completion, errorReply, sseHead, textStream } from '../helpers/replies.ts';
import type { Reply, SeenRequest } from '../helpers/upstream.ts';
import { countingIds } from '../../responses/ids.ts';
import { ResponsesStreamTranslator } from '../../responses/stream-translator.ts';

const isStream = (req: SeenRequest) => req.body?.stream === true;
const COMPLETION = JSON.stringify(completion('Hello there'));
export const STREAM = textStream(['Hel', 'lo', ' there']);
export const STREAM_BYTES = STREAM.map((p) => `data: ${p}\n\n`).join('');

const text = (t: string, finish: string | null = null) =>
  JSON.stringify({ id: 'cmpl-test1', object: 'text_completion', created: 1_700_000_000, model: 'test-model', choices: [{ text: t, index: 0, logprobs: null, finish_reason: finish }] });
/** A legacy completion, whole and streamed (wire-facts-surface §3). */
export const TEXT_COMPLETION = JSON.stringify({
  id: 'cmpl-test1', object: 'text_completion', created: 1_700_000_000, model: 'test-model',
  choices: [{ text: 'Hello there', index: 0, logprobs: null, finish_reason: 'stop' }],
  usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
});
export const TEXT_STREAM = [text('Hel'), text('lo'), text(' there'), text('', 'stop'), '[DONE]'];
/** An embeddings answer (wire-facts-surface §2.1). */
export const EMBEDDINGS = JSON.stringify({
  object: 'list', model: 'test-model', data: [{ object: 'embedding', index: 0, embedding: [0.25, -0.5, 1] }], usage: { prompt_tokens: 2, total_tokens: 2 },
});

/** A Responses server's answer, whole and streamed, event for event as OpenAI sends it: the chat stream above, translated. */
const translator = new ResponsesStreamTranslator({
  head: { id: 'resp_test1', createdAt: 1_700_000_000, model: 'test-model', request: { model: 'test-model', input: 'Say hi' } },
  chatRequest: { model: 'test-model', messages: [{ role: 'user', content: 'Say hi' }] },
  newId: countingIds(),
  reasoning: 'summary',
  now: () => 1_700_000_000_000,
});
export const RESPONSES_STREAM = STREAM.flatMap((p) => translator.event(p)).map((frame) => /^data: (.*)$/m.exec(frame)![1]);
export const RESPONSE = JSON.stringify(translator.final);

/** The healthy answer of the endpoint a request went to: the whole body and the stream's payloads. */
export function shapeOf(path: string): { json: string; stream: string[] } {
  if (path.endsWith('/embeddings')) return { json: EMBEDDINGS, stream: [] };
  if (path.endsWith('/v1/responses')) return { json: RESPONSE, stream: RESPONSES_STREAM };
  if (path.endsWith('/v1/completions')) return { json: TEXT_COMPLETION, stream: TEXT_STREAM };
  return { json: COMPLETION, stream: STREAM };
}

export const streamBytes = (path: string) => shapeOf(path).stream.map((p) => `data: ${p}\n\n`).join('');

/** A healthy answer in whichever form was asked for. */
export const healthy: Reply = (req, res) => {
  const shape = shapeOf(req.path);
  if (isStream(req)) {
    sseHead(res);
    res.end(streamBytes(req.path));
  } else {
    jsonHead(res, shape.json.length);
    res.end(shape.json);
  }
};

function jsonHead(res: ServerResponse, length?: number): void {
  res.writeHead(200, { 'content-type': 'application/json', ...(length === undefined ? {} : { 'content-length': length }) });
}

/** Sends the first events (stream) or the first part of the body, then `then` happens a moment later. */
export function partial(then: (res: ServerResponse) => void): Reply {
  return (req, res) => {
    const shape = shapeOf(req.path);
    if (isStream(req)) {
      sseHead(res);
      res.write(`data: ${shape.stream[0]}\n\ndata: ${shape.stream[1]}\n\n`);
    } else {
      jsonHead(res, shape.json.length);
      res.write(shape.json.slice(0, 40));
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
    const { json, stream } = shapeOf(req.path);
    const pieces = isStream(req) ? stream.map((p) => `data: ${p}\n\n`) : [json.slice(0, 30), json.slice(30, 60), json.slice(60)];
    if (isStream(req)) sseHead(res);
    else jsonHead(res, json.length);
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
export const nonJsonMidStream: Reply = (req, res) =>
  partial((r) => r.end(`data: Internal Server Error\n\n${shapeOf(req.path).stream.slice(2).map((p) => `data: ${p}\n\n`).join('')}`))(req, res);

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

/** The faults before the first byte reaches the client, each with the failure reason it is logged as and the status the client gets when it is the only backend. */
export const BEFORE_FIRST_BYTE: Array<{ fault: string; reply: Reply | 'refused'; reason: string; alone: number; stream?: boolean }> = [
  { fault: 'connection refused', reply: 'refused', reason: 'connect', alone: 502 },
  { fault: 'reset before headers', reply: resetBeforeHeaders, reason: 'reset', alone: 502 },
  { fault: 'hang before headers', reply: hangBeforeHeaders, reason: 'timeout', alone: 504 },
  { fault: 'reset mid-body', reply: resetMidBody, reason: 'reset', alone: 502, stream: false },
  { fault: '503', reply: status(503), reason: 'status_503', alone: 503 },
  { fault: 'malformed JSON body', reply: malformedJson, reason: 'malformed', alone: 502, stream: false },
  { fault: '200 text/html', reply: html, reason: 'malformed', alone: 502 },
  { fault: 'SSE opening with an error event', reply: errorFirst, reason: 'stream_error', alone: 502, stream: true },
];
