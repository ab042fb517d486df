// What the proxy needs from an HTTP client to talk to a backend, so each runtime can use its
// fast one: undici's Pool on Node (undici-client.ts), fetch on Bun (fetch-client.ts).
import type { IncomingHttpHeaders } from 'node:http';

/**
 * What a stream reader does with one chunk: true to go on, false to stop reading, or a promise of
 * either when it must wait first (the client is not keeping up).
 */
export type ChunkTaker = (chunk: Buffer) => boolean | Promise<boolean>;

/** An upstream body: read whole, iterated chunk by chunk (a stream), or given up. */
export interface UpstreamBody extends AsyncIterable<Buffer> {
  text(): Promise<string>;
  /**
   * Hands each chunk to `take` as it arrives (a client that has it: undici's). Unlike iterating,
   * a stream waiting for its next chunk holds no promise: a thousand held streams park nothing
   * that the young generation must copy at every scavenge. Resolves at the end, or once `take`
   * said stop (the rest is dropped with the connection); rejects with the body's failure, or
   * with what `take` threw (then the connection is dropped too).
   */
  deliver?(take: ChunkTaker): Promise<void>;
  /** reads and drops the rest, keeping the connection for reuse */
  dump(): Promise<void>;
  /** drops the rest and the connection with it */
  destroy(): void;
}

export interface UpstreamResponse {
  status: number;
  /** lower-case names */
  headers: IncomingHttpHeaders;
  body: UpstreamBody;
}

/** How an attempt stops its upstream requests: the listener runs once, at once if it already stopped. */
export interface Cancellation {
  onAbort(listener: (reason: Error) => void): void;
}

export interface UpstreamRequest {
  /** path from the origin, e.g. /v1/chat/completions */
  path: string;
  headers: Record<string, string>;
  body: string;
  cancel: Cancellation;
  /** longest wait for the head, and then between two pieces of the body */
  firstByteMs: number;
}

export interface UpstreamClient {
  request(r: UpstreamRequest): Promise<UpstreamResponse>;
  /** cuts every request in flight and closes the connections */
  close(): Promise<void>;
}
