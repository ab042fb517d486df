// The shared vocabulary of the conformance suite: what a captured exchange, a check,
// a scenario and a run result look like. Everything here is plain data so that it can be
// written to results.json and read back.

export const CAPABILITIES = [
  'models',
  'chat',
  'streaming',
  'tools',
  'json_mode',
  'structured_outputs',
  'errors',
  'responses',
  'responses_tools',
  'embeddings',
  'completions',
  'reasoning',
  'vision',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

export type Level = 'MUST' | 'SHOULD' | 'MAY';

/** pass < warn < fail; skip = not applicable or unsupported; error = the harness or network broke. */
export type Status = 'pass' | 'fail' | 'warn' | 'skip' | 'error';

// ---------------------------------------------------------------------------------------------
// Transport

export interface ExchangeRequest {
  method: string;
  /** absolute URL */
  url: string;
  headers: Record<string, string>;
  /** the exact body text sent, if any */
  body?: string;
}

export interface SseEvent {
  /** data lines joined with "\n", as the WHATWG algorithm dispatches them */
  data: string;
  /** the `event:` field, when one was given */
  event?: string;
  /** the `id:` field, when one was given */
  id?: string;
  /** ms since the request was sent, when the event was dispatched */
  at: number;
}

export interface SseComment {
  text: string;
  at: number;
}

export type LineEnding = 'LF' | 'CRLF' | 'CR';

export interface SseCapture {
  events: SseEvent[];
  comments: SseComment[];
  /** fields other than data/event/id/retry, and other oddities: legal, reported as hazards */
  unknownFields: string[];
  /** `retry:` values seen */
  retries: number[];
  lineEndings: LineEnding[];
  /** framing problems, e.g. "stream ended inside an unterminated event", "invalid UTF-8" */
  problems: string[];
}

export type TransportErrorKind =
  | 'timeout' // no complete response within the per-request timeout
  | 'connect' // connection refused / DNS / TLS
  | 'reset' // connection closed or reset while reading
  | 'too_large' // body exceeded the byte cap
  | 'too_many_events' // stream exceeded the event cap
  | 'other';

export interface Exchange {
  request: ExchangeRequest;
  /** undefined when no response head arrived */
  status?: number;
  /** response headers, names lower-cased, repeated values joined with ", " */
  headers: Record<string, string>;
  /** raw response body, as received (possibly cut at the cap) */
  body: Uint8Array;
  /** body decoded as UTF-8 (invalid sequences become U+FFFD) */
  bodyText: string;
  /** set when the body is not UTF-8 clean */
  invalidUtf8?: boolean;
  /** parsed body when the response is not an SSE stream and the body parsed as JSON */
  json?: unknown;
  /** JSON.parse error message when the body did not parse */
  jsonError?: string;
  /** present when the body was read as an SSE stream */
  sse?: SseCapture;
  timing: {
    /** epoch ms when the request was sent */
    startedAt: number;
    /** ms from send to response head */
    headersMs?: number;
    /** ms from send to first body byte */
    firstByteMs?: number;
    /** ms from send to end of body (or to the failure) */
    totalMs: number;
  };
  /** the transport failed: no (complete) response. Never thrown, always captured here. */
  transportError?: { kind: TransportErrorKind; message: string };
  /** the body was cut at the size or event cap */
  truncated: boolean;
}

// ---------------------------------------------------------------------------------------------
// Checks and scenarios

export interface CheckInput {
  exchange: Exchange;
  /** the parsed JSON request body that was sent (undefined for GET or a deliberately broken body) */
  request: any;
  /** the id of the scenario that produced the exchange */
  scenario: string;
  /** the model under test */
  model: string;
  /** the first turn of a two-turn scenario (Scenario.nextTurn): the exchange judged here continues it */
  previous?: { exchange: Exchange; request: any };
  /** what the target declares about itself (TargetClaims); absent for traffic dropin did not send */
  declared?: { reasoning?: boolean };
}

export interface Verdict {
  status: Status;
  /** one line: what happened */
  message?: string;
  expected?: string;
  received?: string;
  /** JSON pointer of the offending field, e.g. /choices/0/finish_reason; for streams prefixed with the event, e.g. /events/3/choices/0 */
  pointer?: string;  /** every finding behind the one-line message (e.g. each schema error with its pointer), for the report's detail */
  details?: string[];
}

export interface CheckMeta {
  /** stable public id, `<capability>.<kebab-name>` e.g. `streaming.done-terminator`. Never rename. */
  id: string;
  capability: Capability;
  level: Level;
  /** one-line title, e.g. "Stream ends with data: [DONE]" */
  title: string;
  /** where the rule comes from, inside the repo: "OpenAPI CreateChatCompletionStreamResponse" or "docs/deviations.md#f01" */
  spec: string;
  kind: 'protocol' | 'behaviour';
  /**
   * what a client suffers when this check fails: which official client (openai-python, openai-node,
   * Vercel AI SDK, LangChain) throws, silently loses data or degrades, and how. The level follows it:
   * MUST = a client throws or corrupts data; SHOULD = a common client degrades; MAY = spec letter only.
   * Required: no check ships without it (conformance/CHECKS.md lists them all).
   */
  consequence: string;
  /** where the consequence is shown: a client code path, a test or a recording */
  evidence: string;
}

export interface Check extends CheckMeta {
  /** pure; must never throw (the runner turns a throw into status `error`) */
  run(input: CheckInput): Verdict;
}

export interface ScenarioRequest {
  method: 'GET' | 'POST';
  /** path relative to the base URL, e.g. "/chat/completions" (base URL ends in /v1) */
  path: string;
  /** JSON body, serialised by the runner */
  body?: unknown;
  /** a raw body sent verbatim instead of `body` (for malformed-JSON scenarios) */
  rawBody?: string;
  /** read the response as an SSE stream */
  stream?: boolean;
}

export interface Scenario {
  /** e.g. `chat.basic` */
  id: string;
  capability: Capability;
  title: string;
  /** behaviour scenarios are sent `repeat` times; protocol scenarios once */
  kind: 'protocol' | 'behaviour';
  build(ctx: ScenarioContext): ScenarioRequest;
  /** evaluated on the first exchange */
  protocolChecks: Check[];
  /** evaluated on every exchange (behaviour scenarios only) */
  behaviourChecks: Check[];
  /**
   * request parameters this scenario exercises; a clean 4xx error envelope whose `param` or
   * message names one of them means the feature is unsupported: the scenario's checks are `skip`.
   * Empty or absent for scenarios (like errors.*) where an error answer is the point.
   */
  featureParams?: string[];
  /**
   * false when the scenario's own checks judge whether the endpoint may reject the request, so the
   * shared invariants (e.g. a 200 for every chat request) must not double-count a rejection
   */
  sharedInvariants?: boolean;
  /**
   * a conversation's second turn, built from the first turn's answer (e.g. its response id for
   * previous_response_id). The checks judge the second exchange and see the first as
   * CheckInput.previous; undefined when the first answer gives nothing to continue from, and
   * then the first exchange is judged alone.
   */
  nextTurn?(ctx: { model: string; first: Exchange }): ScenarioRequest | undefined;
  /**
   * the endpoint is an optional part of the API (e.g. /responses): a 404, 405 or 501 that is not
   * a model-not-found error means the server does not serve it, and the checks skip
   */
  optionalEndpoint?: boolean;
  /** what a client loses when the feature is unsupported, added to the skip reason */
  unsupportedNote?: string;
  /**
   * which of the target's models the scenario sends instead of its chat model; a target without
   * that model configured skips the scenario, saying how to configure it
   */
  modelRole?: 'embedding' | 'vision';
  /** the request carries a URL the target must fetch from this machine (ScenarioContext.imageUrl): only loopback targets can */
  fetchesLoopback?: boolean;
}

/** What a scenario builds its request from. */
export interface ScenarioContext {
  /** the model the scenario sends (the target's model for its modelRole) */
  model: string;
  /** an http URL of a tiny PNG served on loopback by dropin for the run (scenarios with fetchesLoopback) */
  imageUrl?: string;
}

// ---------------------------------------------------------------------------------------------
// Results (the results.json contract, format version 1)

export interface RepeatStats {
  runs: number;
  passed: number;
  /** passed / runs, counting only runs that were not skipped */
  passRate: number;
  /** every run passed (pass^k) */
  passAll: boolean;
}

export interface CheckResult extends Omit<CheckMeta, 'consequence' | 'evidence'> {
  /** copied from the check; absent only in results.json files written before checks carried it */
  consequence?: string;
  evidence?: string;
  scenario: string;
  status: Status;
  message?: string;
  expected?: string;
  received?: string;
  pointer?: string;
  /** every finding behind the message, when there are several (see Verdict.details) */
  details?: string[];
  /** ids of the exchanges (in TargetResult.exchanges) the verdict was drawn from */
  exchanges: string[];
  /** behaviour checks only */
  repeat?: RepeatStats;
  /** a failure the run's baseline (--baseline) lists: reported, but it does not decide the exit code */
  expectedFailure?: boolean;
}

export interface RecordedExchange {
  /** e.g. `chat.basic#1` */
  id: string;
  scenario: string;
  request: ExchangeRequest;
  status?: number;
  headers: Record<string, string>;
  bodyText: string;
  invalidUtf8?: boolean;
  sse?: SseCapture;
  timing: Exchange['timing'];
  transportError?: Exchange['transportError'];
  truncated: boolean;
}

export interface CapabilitySummary {
  /** worst status among the capability's checks (skip only when all skipped) */
  status: Status;
  counts: Record<Status, number>;
  /** counts of failed checks per level */
  failedByLevel: Record<Level, number>;
}

export interface TokenUsage {
  requests: number;
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

/** An endpoint under test, resolved (base URL known, secrets resolved). */
export interface Target {
  name: string;
  /** e.g. "emulator", "url", "ollama", or a preset name */
  kind: string;
  /** base URL ending in /v1 */
  baseUrl: string;
  model: string;
  apiKey?: string;
  /** extra request headers */
  headers: Record<string, string>;
  /** the capabilities the target claims; scenarios of the others skip as "not claimed" (absent: all) */
  capabilities?: Capability[];
  /** the model the embeddings scenarios send; without one they skip */
  embeddingModel?: string;
  /** the model the vision scenarios send images to; without one they skip */
  visionModel?: string;
  /** the target's model reasons: the reasoning checks then require signs of it instead of detecting them */
  reasoning?: boolean;
}

export interface TargetResult {
  name: string;
  baseUrl: string;
  model: string;
  /** e.g. "emulator", "url", "ollama" */
  kind: string;
  startedAt: string;
  durationMs: number;
  usage: TokenUsage;
  /** the same tokens and requests by the capability of the scenario that spent them (absent in results written before it) */
  usageByCapability?: Partial<Record<Capability, TokenUsage>>;
  capabilities: Record<Capability, CapabilitySummary>;
  checks: CheckResult[];
  exchanges: RecordedExchange[];
  /** set when the target could not be run at all because something broke (exit code 2) */
  error?: string;
  /** set when the target was not run because a prerequisite is absent (no API key, no Docker, image or model not available); says what to do */
  skipped?: string;
  /**
   * targets dropin served itself, in process, for the run (the emulator, a replayed transcript):
   * the command that serves the same endpoint again on the same port, e.g.
   * `npx dropin emulate --port 43121 --profile ollama`; that port is closed once the run ends
   */
  startCommand?: string;
}

export interface RunResult {
  formatVersion: 1;
  tool: { name: 'dropin'; version: string };
  startedAt: string;
  durationMs: number;
  options: {
    repeat: number;
    only: Capability[];
    failOn: 'must' | 'should' | 'never';
    /** a skipped or untested target does not make the exit code 2 when others were tested (--allow-skipped) */
    allowSkipped?: boolean;
  };
  targets: TargetResult[];
  /** baseline entries that matched no failure (--baseline): they fail the run until removed */
  staleBaseline?: string[];
  /** `dropin judge` only: the recordings read and the exchanges that could not be judged */
  recordings?: RecordingsSummary;
  /**
   * 0 = no failure at the fail-on level, 1 = conformance failures, 2 = a target or the harness broke,
   * or nothing was tested (a target skipped without allowSkipped, or no check judged at all)
   */
  exitCode: 0 | 1 | 2;
}

/** What `dropin judge` read (docs/judge.md): every exchange is judged, reported as not judged, or ignored as not API traffic. */
export interface RecordingsSummary {
  files: Array<{ path: string; format: string; exchanges: number; ignored: number }>;
  /** exchanges whose checks are in the targets */
  judged: number;
  /** API exchanges no check covers yet, or without a recorded answer: counted, never passed */
  notJudged: Array<{ id: string; endpoint: string; reason: string }>;
}
