// What the proxy needs from an HTTP client to talk to a backend, so each runtime can use its
// fast one: undici's Pool on Node (undici-client.ts), fetch on Bun (fetch-client.ts).
import type { IncomingHttpHeaders } from 'node:http';

/** An upstream body: read whole, iterated chunk by chunk (a stream), or given up. */
export interface UpstreamBody extends AsyncIterable<Buffer> {
  text(): Promise<string>;
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
