// One JSON line per request: what an operator needs to follow a request through routing,
// failover and the upstream, and nothing secret (no headers, no bodies, no keys).

export interface RequestRecord {
  requestId: string;
  method: string;
  path: string;
  /** the endpoint's name (chat, completions, embeddings, …), for requests to one */
  endpoint?: string;
  /** the rule that chose the route, if any */
  rule?: string;
  publicModel?: string;
  backend?: string;
  /** the model name sent to the backend */
  model?: string;
  /** the backend's profile the answer was handled with (configured or identified) */
  profile?: string;
  /** how that backend answered an endpoint it can serve more than one way: /v1/responses `native` or `translated` onto chat */
  via?: string;
  stream?: boolean;
  attempts: number;
  /** one reason per move to another candidate, e.g. "connect", "status_503", "guard" */
  failovers: string[];
  status: number;
  /** the error code sent to the client, if the request failed */
  error?: string;
  latencyMs?: number;
  ttftMs?: number;
  tokens?: { prompt: number; completion: number };
  /** the kinds of repair the request and its answer needed (normalize/repairs.ts), when any */
  repairs?: string[];
}

export function newRecord(requestId: string, method: string, path: string): RequestRecord {
  return { requestId, method, path, attempts: 0, failovers: [], status: 0 };
}

const KNOWN: ReadonlySet<string> = new Set([
  'requestId', 'method', 'path', 'endpoint', 'rule', 'publicModel', 'backend', 'model', 'profile', 'stream',
  'attempts', 'failovers', 'status', 'error', 'latencyMs', 'ttftMs', 'tokens', 'repairs',
]);

/**
 * The record as one JSON line after three leading fields, written field by field in the order
 * of the interface (a key it does not know follows them): a JSON.stringify of the record, or a
 * loop over its keys, cost three to four times as much, once per request.
 */
export function formatLogLine(r: RequestRecord, at: Date): string {
  // a request id is plain by construction (observe/request-id.ts): nothing in it needs escaping
  let l = `{"time":"${isoTime(at)}","level":"${r.status >= 500 ? 'error' : 'info'}","msg":"request","requestId":"${r.requestId}","method":${known(r.method)},"path":${str(r.path)}`;
  if (r.endpoint !== undefined) l += `,"endpoint":${known(r.endpoint)}`;
  if (r.rule !== undefined) l += `,"rule":${known(r.rule)}`;
  if (r.publicModel !== undefined) l += `,"publicModel":${str(r.publicModel)}`;
  if (r.backend !== undefined) l += `,"backend":${known(r.backend)}`;
  if (r.model !== undefined) l += `,"model":${known(r.model)}`;
  if (r.profile !== undefined) l += `,"profile":${known(r.profile)}`;
  if (r.stream !== undefined) l += `,"stream":${r.stream}`;
  l += `,"attempts":${r.attempts},"failovers":${r.failovers.length === 0 ? '[]' : JSON.stringify(r.failovers)},"status":${r.status}`;
  if (r.error !== undefined) l += `,"error":${known(r.error)}`;
  if (r.latencyMs !== undefined) l += `,"latencyMs":${r.latencyMs}`;
  if (r.ttftMs !== undefined) l += `,"ttftMs":${r.ttftMs}`;
  if (r.tokens !== undefined) l += `,"tokens":{"prompt":${r.tokens.prompt},"completion":${r.tokens.completion}}`;
  if (r.repairs !== undefined) l += `,"repairs":${JSON.stringify(r.repairs)}`;
  for (const key in r) {
    const value = (r as unknown as Record<string, unknown>)[key];
    if (!KNOWN.has(key) && value !== undefined) l += `,${JSON.stringify(key)}:${JSON.stringify(value)}`;
  }
  return `${l}}`;
}

/** A string as JSON; most need no escaping, and JSON.stringify costs more than the test. */
const NEEDS_ESCAPE = /[\u0000-\u001f"\\\ud800-\udfff]/;

function str(value: string): string {
  return NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`;
}

/** Strings from config and code (backend, model, profile, endpoint, rule, error code) recur: quoted once each. */
const QUOTED = new Map<string, string>();
const MAX_QUOTED = 1024;

function known(value: string): string {
  let quoted = QUOTED.get(value);
  if (quoted === undefined) {
    quoted = str(value);
    if (QUOTED.size < MAX_QUOTED) QUOTED.set(value, quoted);
  }
  return quoted;
}

let lastMs = Number.NaN;
let lastIso = '';

/** toISOString costs most of a microsecond: requests finishing in the same millisecond share one. */
function isoTime(at: Date): string {
  const ms = at.getTime();
  if (ms !== lastMs) {
    lastMs = ms;
    lastIso = at.toISOString();
  }
  return lastIso;
}
