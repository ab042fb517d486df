// Relays a streamed answer. Until the first byte reaches the client any failure is a Failure (the
// loop fails over); after it, a failure ends the stream with an error event, never a fake [DONE].
// A stream whose every choice got its finish_reason is complete, [DONE] or not: a missing [DONE]
// is appended, never turned into an error or a retry. The openai profile without filters is piped
// byte for byte (the hot path). Leaving the read loop early destroys the upstream body, which
// closes that upstream connection.
import { guardOutput } from '../guard/output-guard.ts';
import { createStreamNormalizer, needsNormalization, type Repairs, type StreamNormalizer } from '../normalize/index.ts';
import { frame, SseSplitter } from '../normalize/sse.ts';
import { redactSecrets } from '../observe/redact.ts';
import { createOutputFilter } from '../safety/safety.ts';
import { headerValue, type UpstreamResponse } from '../upstream/call.ts';
import { classifyUpstreamError, describeKind } from '../upstream/classify-error.ts';
import { failure, markFirstByte, type Attempt, type AttemptOutcome } from './attempt.ts';
import { ClientStream } from './client-stream.ts';
import type { ChatRequest } from './validate-chat.ts';
import { contentFilterChunk, StreamObserver, streamErrorPayload } from './stream-observer.ts';

const passThrough = (repairs: Repairs): StreamNormalizer => ({ event: (data) => [data], end: () => [], repairs });

export async function attemptStream(a: Attempt, up: UpstreamResponse): Promise<AttemptOutcome> {
  const { profile } = a;
  const filter = a.ctx.denyOutput.length > 0 ? createOutputFilter(a.ctx.denyOutput) : undefined;
  const buffering = a.guard && a.ctx.config.guard.stream === 'buffer';
  const normalize = needsNormalization(profile);
  const raw = !normalize && !filter && !buffering;
  const normalizer = normalize ? createStreamNormalizer({ profile, request: a.request, repairs: a.repairs }) : passThrough(a.repairs);
  // the client always gets text/event-stream (ClientStream), whatever the backend labelled it
  if (!/^text\/event-stream\b/i.test(headerValue(up.headers, 'content-type') ?? '')) a.repairs.add('stream_content_type');
  const out = new ClientStream(a.ex.res, () => markFirstByte(a));
  const observer = new StreamObserver({ collectContent: buffering, filter, choices: requestedChoices(a.request) });
  const splitter = new SseSplitter();
  const held: string[] = [];
  let heldChars = 0;
  const pending: Buffer[] = [];
  let blocked = false;
  let oversized = false;

  // Returns false to stop reading: the filter blocked, an event is not JSON, or the first event
  // is an error (fail over).
  const deliver = async (payloads: string[]): Promise<boolean> => {
    for (const payload of payloads) {
      if (observer.see(payload)) return !(blocked = true);
      if (observer.malformed || (observer.error && !out.started)) return false;
      // an error event may quote the credential the backend was sent
      const safe = observer.error ? redactSecrets(payload, a.ctx.secrets) : payload;
      if (buffering) {
        held.push(safe);
        heldChars += safe.length;
        if (heldChars > MAX_BUFFERED_CHARS) return !(oversized = true);
      } else await out.write(frame(safe));
    }
    return true;
  };

  try {
    reading: for await (const chunk of up.body as AsyncIterable<Buffer>) {
      if (raw) {
        if (!(await relayRaw(chunk, observer, out, pending, a.ctx.secrets))) break;
        continue;
      }
      for (const data of splitter.push(chunk)) if (!(await deliver(normalizer.event(data)))) break reading;
    }
    if (!blocked && !oversized && !(observer.error && !out.started)) await deliver(normalizer.end());
  } catch (error) {
    const kind = classifyUpstreamError(error, a.signal.reason());
    if (kind === 'aborted') return { kind: 'aborted' };
    if (!out.started) return failure(kind, describeKind(kind));
    await endWithError(out, `The backend failed after the response had started (${describeKind(kind)}). The answer is incomplete; retry the request.`);
    return { kind: 'served', usage: observer.usage, streamFailed: kind };
  }

  if (oversized) return failure('too_large', `a structured-output stream held for validation grew past ${MAX_BUFFERED_CHARS} characters`, { unhealthy: false });
  if (blocked) {
    for (const payload of held) await out.write(frame(payload));
    await out.write(frame(contentFilterChunk(observer.meta)));
    await out.write(frame('[DONE]'));
    out.end();
    return { kind: 'served', usage: observer.usage };
  }
  if (observer.malformed !== undefined) {
    const detail = `sent a stream event that is not JSON ("${redactSecrets(observer.malformed.slice(0, 80), a.ctx.secrets)}")`;
    if (!out.started) return failure('malformed', detail);
    await endWithError(out, `The backend ${detail}. The answer is incomplete; retry the request.`);
    return { kind: 'served', usage: observer.usage, streamFailed: 'malformed' };
  }
  const complete = observer.sawDone || observer.finished;
  if (!out.started && (observer.error || !complete)) {
    return observer.error ? failure('stream_error', `error event: ${redactSecrets(observer.error, a.ctx.secrets)}`) : failure('malformed', 'the stream ended before it was complete');
  }
  if (buffering) {
    const verdict = guardOutput(a.request, observer.content);
    if (!verdict.ok) return failure('guard', `output did not match response_format: ${verdict.reason}`, { unhealthy: false });
    for (const payload of held) await out.write(frame(payload));
  }
  if (observer.error) {
    out.end();
    return { kind: 'served', usage: observer.usage, streamFailed: 'stream_error' };
  }
  if (!observer.sawDone && !observer.finished) {
    await endWithError(out, 'The backend ended the stream before it was complete (no finish_reason, no [DONE]). The answer is truncated; retry the request.');
    return { kind: 'served', usage: observer.usage, streamFailed: 'truncated' };
  }
  if (!observer.sawDone) {
    a.repairs.add('done_appended');
    await out.write(frame('[DONE]'));
  }
  out.end();
  return { kind: 'served', usage: observer.usage };
}

/** The choices a stream must finish: the request's n (1 when absent or odd). */
function requestedChoices(request: ChatRequest): number {
  const { n } = request;
  return typeof n === 'number' && Number.isInteger(n) && n > 1 ? n : 1;
}

/** Guard 'buffer' mode holds a whole structured answer; no sane one comes near this. */
export const MAX_BUFFERED_CHARS = 16 * 1024 * 1024;

/** Bytes held back while waiting for the first event; a stream with none by then is not one. */
const MAX_BYTES_BEFORE_FIRST_EVENT = 1 << 20;

/**
 * Pipes one raw chunk. Bytes are held until the first data payload has been seen, so a body that
 * is no event stream (an HTML page, garbage) or opens with an error can still fail over; after
 * that a chunk is written as it came unless it carries a payload that is not JSON. Returns false
 * to stop reading.
 */
async function relayRaw(chunk: Buffer, observer: StreamObserver, out: ClientStream, pending: Buffer[], secrets: readonly string[]): Promise<boolean> {
  observer.seeRaw(chunk);
  if (observer.malformed !== undefined || (observer.error && !out.started)) return false;
  if (out.started) {
    await out.write(observer.error ? scrubbed(chunk, secrets) : chunk);
    return true;
  }
  pending.push(chunk);
  if (observer.payloads === 0) return pending.reduce((n, b) => n + b.length, 0) <= MAX_BYTES_BEFORE_FIRST_EVENT;
  for (const held of pending.splice(0)) await out.write(held);
  return true;
}

/** An error event may quote the credential the backend was sent; decoded only when it does. */
function scrubbed(chunk: Buffer, secrets: readonly string[]): Buffer {
  if (!secrets.some((secret) => chunk.includes(secret))) return chunk;
  return Buffer.from(redactSecrets(chunk.toString('utf8'), secrets));
}

async function endWithError(out: ClientStream, message: string): Promise<void> {
  await out.write(frame(streamErrorPayload(message, 'upstream_stream_failed')));
  out.end();
}
