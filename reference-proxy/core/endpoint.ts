// What an endpoint adapter gives the core. The core (serve-endpoint.ts and the attempt loop) does
// for every endpoint what no endpoint should write again: auth, body limits, the model allowlist
// and rate limits, input deny patterns, routing, failover before the first byte and an error
// event after it, abort propagation, drain, metrics and the log line. An adapter says only what
// differs: how a request is validated and sized, which backends can answer it, what is sent
// upstream (path and body: a translating endpoint sends a different API than it serves), and
// how the answer — a whole body or a stream — is checked, fixed or translated for the client.
import type { ProxyError } from '../errors.ts';
import type { ApiKeyConfig, Candidate } from '../types.ts';
import type { Api } from './apis.ts';
import type { Attempt, Failure, Served } from './attempt.ts';
import type { ClientStream } from './client-stream.ts';
import type { ProxyContext } from './context.ts';
import type { Route } from '../handlers/routes.ts';
import type { UpstreamResponse } from '../upstream/call.ts';

/** What every endpoint's request carries: the model it routes on. */
export interface EndpointRequest {
  model: string;
  [key: string]: unknown;
}

export interface Endpoint<R extends EndpointRequest = EndpointRequest> {
  /** the endpoint's name: `endpoint` in log lines and metrics, `when.endpoint` in rules */
  readonly name: string;
  /** the POST path it serves, e.g. /v1/embeddings */
  readonly path: string;
  /** the request parameter the input deny patterns blame, e.g. "messages" or "input" */
  readonly inputParam: string;
  /**
   * How a backend serving `apis` answers this endpoint: a name the adapter reads back from
   * `Attempt.via` (e.g. "native" or "translated"), or undefined when it cannot.
   */
  via(apis: ReadonlySet<Api>): string | undefined;
  /** Which candidates' models can take this request (an embedding model, a vision model…); asked once per request. */
  accepts(request: R): (candidate: Candidate) => boolean;
  /**
   * Validates the parsed body; throws ProxyError (400) for a request no backend should see.
   * `caller` is the inbound key that was accepted (undefined without auth): whose request it is.
   */
  validate(body: unknown, ctx: ProxyContext, caller?: ApiKeyConfig): R | Promise<R>;
  /** Whether the client asked for a streamed answer. */
  streams(request: R): boolean;
  /** Estimated prompt tokens, for token rate limits and the promptTokens routing conditions. */
  promptTokens(request: R): number;
  /** The texts the input deny patterns are matched against. */
  inputTexts(request: R): Iterable<string>;
  /**
   * A client error this candidate would cause (a parameter its backend is known to ignore or
   * reject): the candidate is left out, and when every candidate is, the client gets the error.
   */
  refuse?(request: R, target: Target): ProxyError | undefined;
  /** The upstream request of one attempt; a promise only when it needs I/O first (e.g. downloading an image). */
  upstream(a: Attempt<R>): UpstreamCall | Promise<UpstreamCall>;
  /** Checks, fixes or translates a whole answer (the upstream's 2xx body text). */
  answer(a: Attempt<R>, text: string): Answer | Failure;
  /** Merges the answers of an attempt sent as several copies (UpstreamCall.copies); undefined = not mergeable. */
  merge?(texts: string[]): string | undefined;
  /** The session relaying one streamed answer to `out`; an endpoint whose upstream calls never stream has none. */
  stream?(a: Attempt<R>, up: UpstreamResponse, out: ClientStream): StreamSession;
  /** Routes the endpoint serves besides POST `path`, e.g. GET and DELETE of a stored answer. */
  readonly routes?: readonly Route[];
}

/** A candidate as the backend is now: what a refusal is decided on. */
export type Target = Pick<Attempt, 'candidate' | 'profile' | 'version' | 'apis'>;

export interface UpstreamCall {
  /** path under the backend's /v1 root, e.g. "/chat/completions" */
  path: string;
  body: unknown;
  /** whether the upstream answer streams (a translating endpoint may stream neither way round) */
  stream: boolean;
  /** ask this many times at once and merge the answers (Endpoint.merge); a backend that ignores n */
  copies?: number;
}

/** A whole answer ready for the client. */
export interface Answer {
  kind: 'answer';
  /** the JSON text to send */
  text: string;
  usage?: Served['usage'];
  /** state a stateful endpoint keeps (a stored response), kept before the answer is sent; never rejects */
  before?: () => Promise<void>;
}

/**
 * One streamed answer on its way to the client. The relay feeds it the upstream's raw chunks and
 * ends it; the session writes to the ClientStream it was given, whose head goes out with the
 * first write, so until then a Failure still fails over.
 */
export interface StreamSession {
  /**
   * One upstream chunk: false to stop reading (the rest is decided by finish). A promise only when
   * it must wait (for the client), so a chunk relayed at once costs no promise.
   */
  push(chunk: Buffer): boolean | Promise<boolean>;
  /** The upstream ended (or push said stop): what became of the attempt. */
  finish(): Promise<Served | Failure>;
  /** The bytes that end this endpoint's stream with an error, after its first byte (chat: a data error event). */
  errorFrames(message: string, code: string): string;
  /** usage seen so far, for an attempt that broke mid-stream */
  readonly usage?: Served['usage'];
}
