// Collects a response body as it arrives, enforcing the byte and event caps, and turns it into
// the body part of an Exchange. Pure: the caller feeds chunks and stops reading when told to.
import type { Exchange } from '../types.ts';
import { decodeBody, parseJson } from './capture.ts';
import { SseReader } from './sse-reader.ts';

export type CapExceeded = 'too_large' | 'too_many_events';

export interface BodyLimits {
  maxBodyBytes: number;
  maxEvents: number;
}

export type CapturedBody = Pick<
  Exchange,
  'body' | 'bodyText' | 'invalidUtf8' | 'json' | 'jsonError' | 'sse' | 'truncated'
>;

export class BodyCapture {
  private readonly chunks: Uint8Array[] = [];
  private size = 0;
  private readonly sse: SseReader | undefined;
  private exceeded: CapExceeded | undefined;

  /** `now` (ms since send) stamps SSE events; without it the body is not read as SSE. */
  private readonly limits: BodyLimits;

  constructor(
    limits: BodyLimits,
    now?: () => number,
  ) {
    this.limits = limits;
    this.sse = now && new SseReader(now);
  }

  get bytesReceived(): number {
    return this.size;
  }

  /** Takes one chunk; returns the cap it broke, after which the caller must stop reading. */
  add(chunk: Uint8Array): CapExceeded | undefined {
    const room = this.limits.maxBodyBytes - this.size;
    const kept = chunk.byteLength > room ? chunk.subarray(0, room) : chunk;
    this.chunks.push(kept);
    this.size += kept.byteLength;
    this.sse?.push(kept);
    if (kept !== chunk) this.exceeded = 'too_large';
    else if (this.sse && this.sse.eventCount > this.limits.maxEvents) this.exceeded = 'too_many_events';
    return this.exceeded;
  }

  finish(): CapturedBody {
    const truncated = this.exceeded !== undefined;
    const body = concat(this.chunks, this.size);
    const { text, invalidUtf8 } = decodeBody(body, truncated);
    const captured: CapturedBody = { body, bodyText: text, truncated };
    if (invalidUtf8) captured.invalidUtf8 = true;
    if (this.sse) {
      const sse = this.sse.end(truncated);
      sse.events = sse.events.slice(0, this.limits.maxEvents);
      return { ...captured, sse };
    }
    return { ...captured, ...parseJson(text) };
  }
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
