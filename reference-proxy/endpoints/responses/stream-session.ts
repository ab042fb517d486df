// The stream session of /v1/responses, for both ways of answering: the upstream's SSE payloads go
// through a producer — the chat normaliser and the stream translator for a chat-only backend, the
// pass-through repairer for a Responses backend; both write OpenAI's event stream (`event:`
// lines, sequence numbers, one terminal event, no [DONE]). Nothing is written until the first
// payload translated cleanly, so a backend whose 200 carries an error, garbage or no event stream
// still fails over; once written, a broken upstream ends the stream with the error event and
// response.failed — never a response.completed for an answer that was not finished. A finished
// response is stored before its terminal event goes out: a client that starts its next turn on
// that event finds it, on any replica. With a `check` (the output guard's buffer mode for a
// structured answer) nothing is sent until the response is complete and its output passed: a
// failing one fails over, as a whole answer would.
import { failure, type Attempt, type Failure, type Served } from '../../core/attempt.ts';
import { MAX_BUFFERED_CHARS } from '../data-stream/session.ts';
import type { GuardResult } from '../../guard/output-guard.ts';
import type { ClientStream } from '../../core/client-stream.ts';
import type { StreamSession } from '../../core/endpoint.ts';
import { SseSplitter } from '../../normalize/sse.ts';
import type { StreamFailure } from '../../responses/stream-translator.ts';
import type { Json } from '../../responses/types.ts';
import { usageOf } from './answer-context.ts';
import { preparedOf, type ResponsesRequest } from './request.ts';
import { keep } from './store-for.ts';

/** What turns upstream payloads into Responses frames (the translator's and the repairer's contract). */
export interface EventProducer {
  /** one upstream data payload → frames to send */
  event(data: string): string[];
  /** upstream EOF → the last frames (a failure when the answer was not finished) */
  end(): string[];
  /** the upstream broke after the stream began → error event and response.failed */
  fail(error: StreamFailure): string[];
  /** the terminal Response, once there is one */
  readonly final?: Json;
  /** the producer wants no more payloads (e.g. the output filter blocked), though it has not ended */
  readonly stopped?: boolean;
}

/** Bytes held back while waiting for the first event; a body with none by then is not an event stream. */
const MAX_BYTES_BEFORE_FIRST_EVENT = 1 << 20;

export class ResponsesStreamSession implements StreamSession {
  private readonly splitter = new SseSplitter();
  private bytesBefore = 0;
  private payloads = 0;
  private failedIn?: 'event' | 'end';
  private kept = false;
  /** frames held until the check passed, and what they add up to */
  private readonly held: string[] = [];
  private heldChars = 0;
  private rejected?: Failure;

  private readonly a: Attempt<ResponsesRequest>;
  private readonly out: ClientStream;
  private readonly producer: EventProducer;
  private readonly check?: (final: Json) => GuardResult;

  constructor(a: Attempt<ResponsesRequest>, out: ClientStream, producer: EventProducer, check?: (final: Json) => GuardResult) {
    this.a = a;
    this.out = out;
    this.producer = producer;
    this.check = check;
  }

  get usage(): Served['usage'] {
    return usageOf(this.producer.final);
  }

  async push(chunk: Buffer): Promise<boolean> {
    const frames: string[] = [];
    for (const data of this.splitter.push(chunk)) {
      this.payloads++;
      for (const frame of this.producer.event(data)) frames.push(frame);
    }
    if (this.failed()) this.failedIn ??= 'event';
    if (!this.out.started) {
      if (this.failedIn) return false;
      if (frames.length === 0 && (this.payloads === 0 || !this.check)) return (this.bytesBefore += chunk.length) <= MAX_BYTES_BEFORE_FIRST_EVENT;
      if (this.check) return this.hold(frames);
    }
    if (frames.length > 0) {
      // only the push that carries the terminal event waits for the store
      if (!this.kept && this.producer.final !== undefined) await this.keepFinal();
      await this.out.write(frames.join(''));
    }
    return this.producer.final === undefined && !this.producer.stopped;
  }

  /**
   * Holds frames until the response is complete, then checks it: passed, it is stored and the
   * frames go out at once; failed (or too large to hold), the attempt fails over with nothing sent.
   * Returns whether to read on.
   */
  private async hold(frames: string[]): Promise<boolean> {
    for (const frame of frames) {
      this.held.push(frame);
      this.heldChars += frame.length;
    }
    if (this.heldChars > MAX_BUFFERED_CHARS) {
      this.rejected = failure('too_large', `a structured-output stream held for validation grew past ${MAX_BUFFERED_CHARS} characters`, { unhealthy: false });
      return false;
    }
    const final = this.producer.final;
    if (final === undefined) return !this.producer.stopped;
    const verdict = final.status === 'completed' ? this.check!(final) : ({ ok: true } as const);
    if (!verdict.ok) {
      this.rejected = failure('guard', `output did not match text.format: ${verdict.reason}`, { unhealthy: false });
      return false;
    }
    await this.keepFinal();
    await this.out.write(this.held.splice(0).join(''));
    return false;
  }

  /** Stores the response once the producer has its terminal one (not for a failed one: recordOf keeps none). */
  private async keepFinal(): Promise<void> {
    if (this.kept || this.producer.final === undefined) return;
    this.kept = true;
    await keep(this.a.ctx, this.a.request, preparedOf(this.a.request).conversation, this.producer.final);
  }

  async finish(): Promise<Served | Failure> {
    const { out, producer } = this;
    if (this.rejected) return this.rejected;
    if (!out.started && this.failedIn) return failure('stream_error', `the stream opened with an error: ${String(producer.final?.error?.message ?? 'unknown')}`);
    const last = producer.end();
    if (this.failed()) this.failedIn ??= 'end';
    if (!out.started && this.failedIn) {
      return failure('malformed', this.payloads === 0 ? 'the answer was not an event stream' : 'the stream ended before it was complete');
    }
    if (this.check && !out.started) {
      await this.hold(last);
      if (this.rejected) return this.rejected;
      if (!out.started) return failure('malformed', 'the stream ended before it was complete');
    } else {
      await this.keepFinal();
      if (last.length > 0) await out.write(last.join(''));
    }
    out.end();
    if (this.failedIn) return { kind: 'served', usage: this.usage, streamFailed: this.failedIn === 'end' ? 'truncated' : 'stream_error' };
    return { kind: 'served', usage: this.usage };
  }

  errorFrames(message: string, code: string): string {
    return this.producer.fail({ message, code }).join('');
  }

  /** The answer failed (a policy stop is the proxy's doing, not the backend's failure). */
  private failed(): boolean {
    return this.producer.final?.status === 'failed' && !this.producer.stopped;
  }
}
