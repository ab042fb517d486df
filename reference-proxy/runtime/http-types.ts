// The client's request and the proxy's answer as the core sees them, whichever HTTP front
// carries them: node:http on Node (node-http.ts), Bun.serve on Bun (bun-http.ts). The core
// (server.ts, handlers/, core/) writes through these and never touches a runtime's own objects.
import type { IncomingHttpHeaders } from 'node:http';

/** Header values as node:http gives them (the Bun front builds the same shape): lower-case names. */
export type RequestHeaders = Readonly<IncomingHttpHeaders>;

export interface ProxyRequest {
  readonly method: string;
  /** path and query, as sent */
  readonly url: string;
  /** every header, for what needs them all (routing rules); one header is cheaper through header() */
  readonly headers: RequestHeaders;
  /** one header by its lower-case name; repeated ones joined with ", " */
  header(name: string): string | undefined;
  /** "1.1" or "1.0"; "" where the front does not tell (Bun, which refuses HTTP/1.1 without Host itself) */
  readonly httpVersion: string;
  /**
   * The whole body as UTF-8 text, never holding more than `maxBytes`: rejects with a ProxyError
   * (413 past the cap, 400 when the client hung up mid-body, 408 when it took too long).
   */
  readBody(maxBytes: number): Promise<string>;
}

export type ResponseHeaders = Record<string, string | number>;

export interface ProxyResponse {
  /** the status line and headers are out: nothing but the body can follow */
  readonly headersSent: boolean;
  /** the answer is complete on the proxy's side (send, or end after a stream) */
  readonly ended: boolean;
  /** the whole answer was handed to the client's connection, which did not close before */
  readonly finished: boolean;
  /** the connection closed (or the client went away) */
  readonly closed: boolean;
  readonly statusCode: number;
  /** the answer is a stream begun with startStream */
  readonly streaming: boolean;
  /** a header for whatever answer follows (request id, CORS, connection: close) */
  setHeader(name: string, value: string): void;
  /** A whole answer, head and body at once; `headers` names its content type. */
  send(status: number, headers: ResponseHeaders, body: string): void;
  /** The head of a streamed answer, sent at once; write() the body, then end(). */
  startStream(status: number, headers: ResponseHeaders): void;
  /** One piece of a streamed body; false when the client is not keeping up: wait for drained(). */
  write(chunk: string | Uint8Array): boolean;
  /** resolves when the client can take more, or is gone */
  drained(): Promise<void>;
  end(): void;
  /** runs once the connection is done with this answer: finished, or the client went away */
  onClose(listener: () => void): void;
}

/** Handles one request; resolves once its answer is complete and logged. */
export type RequestHandler = (req: ProxyRequest, res: ProxyResponse) => Promise<void>;

/** A listening HTTP front: node:http on Node, Bun.serve on Bun. */
export interface HttpFront {
  readonly port: number;
  /**
   * Stops accepting connections but keeps the open ones, so a request already on its way on a
   * kept-alive connection is not lost. Resolves once every connection has closed.
   */
  stopAccepting(): Promise<void>;
  /** Closes every connection now (the end of a drain). */
  closeConnections(): void;
  /** Stops listening and closes every connection; resolves once closed. */
  close(): Promise<void>;
}
