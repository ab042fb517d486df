// The stream session of the chunked endpoints (chat, legacy completions): data-only SSE ending
// with [DONE]. A stream whose every choice got its finish_reason is complete, [DONE] or not: a
// missing [DONE] is appended, never turned into an error or a retry. Without a normaliser, an
// output filter or a guard the bytes are piped as they came (the hot path); otherwise each event
// is de-framed, normalised, watched and framed again.
import type { GuardResult } from '../../guard/output-guard.ts';
import { failure, type Attempt, type Failure, type Served } from '../../core/attempt.ts';
import type { ClientStream } from '../../core/client-stream.ts';
import type { StreamSession } from '../../core/endpoint.ts';
import type { StreamNormalizer } from '../../normalize/index.ts';
import { frame, SseSplitter } from '../../normalize/sse.ts';
import { redactSecrets } from '../../observe/redact.ts';
import { createOutputFilter } from '../../safety/safety.ts';
import { headerValue, type UpstreamResponse } from '../../upstream/call.ts';
import { contentFilterChunk, StreamObserver, streamErrorPayload, type ChunkObject } from './observer.ts';

export interface DataStreamSpec {
  /** the endpoint's normaliser; none: the bytes may be piped untouched */
  normalizer?: StreamNormalizer;
  object: ChunkObject;
  /** the choices the request asked for (its n), each of which must finish */
  choices: number;
  /** structured output to validate before anything is sent (the guard's `buffer` mode) */
  guard?: (content: string) => GuardResult;
}

/** Guard 'buffer' mode holds a whole structured answer; no sane one comes near this. */
export const MAX_BUFFERED_CHARS = 16 * 1024 * 1024;

/** Bytes held back while waiting for the first event; a stream with none by then is not one. */
const MAX_BYTES_BEFORE_FIRST_EVENT = 1 << 20;

// A session is made per stream and lives as long as it, so what only the de-framing path needs
// (its splitter, a pass-through normaliser) is not made for the raw one: held streams add up.
export class DataStreamSession implements StreamSession {
  private readonly observer: StreamObserver;
  /** none: each event goes out as it came */
  private readonly normalizer: StreamNormalizer | undefined;
  private readonly buffering: boolean;
  /** the bytes may be piped as they came (relayRaw) */
  private readonly raw: boolean;
  private splitter: SseSplitter | undefined;
  private readonly held: string[] = [];
  private heldChars = 0;
  private readonly pending: Buffer[] = [];
  private blocked = false;
  private oversized = false;

  private readonly a: Attempt;
  private readonly out: ClientStream;
  private readonly spec: DataStreamSpec;

  constructor(a: Attempt, up: UpstreamResponse, out: ClientStream, spec: DataStreamSpec) {
    this.a = a;
    this.out = out;
    this.spec = spec;
    const filter = a.ctx.denyOutput.length > 0 ? createOutputFilter(a.ctx.denyOutput) : undefined;
    this.buffering = spec.guard !== undefined;
    this.normalizer = spec.normalizer;
    // the client always gets text/event-stream (ClientStream), whatever the backend labelled it
    if (!/^text\/event-stream\b/i.test(headerValue(up.headers, 'content-type') ?? '')) a.repairs.add('stream_content_type');
    const text = spec.object === 'text_completion' ? 'text' : 'delta';
    this.observer = new StreamObserver({ collectContent: this.buffering, filter, choices: spec.choices, text });
    this.raw = !spec.normalizer && !filter && !this.buffering;
  }

  push(chunk: Buffer): boolean | Promise<boolean> {
    return this.raw ? this.relayRaw(chunk) : this.relayEvents(chunk);
  }

  get usage(): Served['usage'] {
    return this.observer.usage;
  }

  errorFrames(message: string, code: string): string {
    return frame(streamErrorPayload(message, code));
  }

  async finish(): Promise<Served | Failure> {
    const { observer, out, a } = this;
    if (!this.blocked && !this.oversized && !(observer.error && !out.started)) await this.deliver(this.normalizer?.end() ?? []);
    if (this.oversized) return failure('too_large', `a structured-output stream held for validation grew past ${MAX_BUFFERED_CHARS} characters`, { unhealthy: false });
    if (this.blocked) {
      for (const payload of this.held) await out.write(frame(payload));
      await out.write(frame(contentFilterChunk(observer.meta, this.spec.object)));
      await out.write(frame('[DONE]'));
      out.end();
      return { kind: 'served', usage: observer.usage };
    }
    if (observer.malformed !== undefined) {
      const detail = `sent a stream event that is not JSON ("${redactSecrets(observer.malformed.slice(0, 80), a.ctx.secrets)}")`;
      if (!out.started) return failure('malformed', detail);
      return this.endWithError(`The backend ${detail}. The answer is incomplete; retry the request.`, 'malformed');
    }
    const complete = observer.sawDone || observer.finished;
    if (!out.started && (observer.error || !complete)) {
      return observer.error ? failure('stream_error', `error event: ${redactSecrets(observer.error, a.ctx.secrets)}`) : failure('malformed', 'the stream ended before it was complete');
    }
    if (this.spec.guard) {
      const verdict = this.spec.guard(observer.content);
      if (!verdict.ok) return failure('guard', `output did not match response_format: ${verdict.reason}`, { unhealthy: false });
      for (const payload of this.held) await out.write(frame(payload));
    }
    if (observer.error) {
      out.end();
      return { kind: 'served', usage: observer.usage, streamFailed: 'stream_error' };
    }
    if (!complete) {
      return this.endWithError('The backend ended the stream before it was complete (no finish_reason, no [DONE]). The answer is truncated; retry the request.', 'truncated');
    }
    if (!observer.sawDone) {
      a.repairs.add('done_appended');
      await out.write(frame('[DONE]'));
    }
    out.end();
    return { kind: 'served', usage: observer.usage };
  }

  /** De-frames one chunk and sends (or holds) what the normaliser makes of each event: one await per write, none more. */
  private async relayEvents(chunk: Buffer): Promise<boolean> {
    for (const data of (this.splitter ??= new SseSplitter()).push(chunk)) {
      for (const payload of this.normalizer ? this.normalizer.event(data) : [data]) {
        const send = this.take(payload);
        if (send === false) return false;
        if (send !== undefined) await this.out.write(frame(send));
      }
    }
    return true;
  }

  private async deliver(payloads: string[]): Promise<boolean> {
    for (const payload of payloads) {
      const send = this.take(payload);
      if (send === false) return false;
      if (send !== undefined) await this.out.write(frame(send));
    }
    return true;
  }

  /**
   * What becomes of one outgoing payload: the text to send, undefined when it is held for the
   * guard, false to stop reading (the filter blocked, an event is not JSON, or the first event is
   * an error: fail over).
   */
  private take(payload: string): string | undefined | false {
    const { observer } = this;
    if (observer.see(payload)) {
      this.blocked = true;
      return false;
    }
    if (observer.malformed || (observer.error && !this.out.started)) return false;
    // an error event may quote the credential the backend was sent
    const safe = observer.error ? redactSecrets(payload, this.a.ctx.secrets) : payload;
    if (!this.buffering) return safe;
    this.held.push(safe);
    this.heldChars += safe.length;
    if (this.heldChars > MAX_BUFFERED_CHARS) {
      this.oversized = true;
      return false;
    }
    return undefined;
  }

  /**
   * Pipes one raw chunk. Bytes are held until the first data payload has been seen, so a body that
   * is no event stream (an HTML page, garbage) or opens with an error can still fail over; after
   * that a chunk is written as it came unless it carries a payload that is not JSON. Not async:
   * a chunk the client takes at once costs no promise, only one it must wait for.
   */
  private relayRaw(chunk: Buffer): boolean | Promise<boolean> {
    const { observer, out, pending } = this;
    observer.seeRaw(chunk);
    if (observer.malformed !== undefined || (observer.error && !out.started)) return false;
    if (out.started) {
      const full = out.writeNow(observer.error ? scrubbed(chunk, this.a.ctx.secrets) : chunk);
      return full ? full.then(() => true) : true;
    }
    pending.push(chunk);
    if (observer.payloads === 0) return pending.reduce((n, b) => n + b.length, 0) <= MAX_BYTES_BEFORE_FIRST_EVENT;
    return this.writePending();
  }

  /** The bytes held until the first event, written in order once it came. */
  private async writePending(): Promise<boolean> {
    for (const held of this.pending.splice(0)) await this.out.write(held);
    return true;
  }

  private async endWithError(message: string, streamFailed: Served['streamFailed']): Promise<Served> {
    await this.out.write(this.errorFrames(message, 'upstream_stream_failed'));
    this.out.end();
    return { kind: 'served', usage: this.observer.usage, streamFailed };
  }
}

/** An error event may quote the credential the backend was sent; decoded only when it does. */
function scrubbed(chunk: Buffer, secrets: readonly string[]): Buffer {
  if (!secrets.some((secret) => chunk.includes(secret))) return chunk;
  return Buffer.from(redactSecrets(chunk.toString('utf8'), secrets));
}
