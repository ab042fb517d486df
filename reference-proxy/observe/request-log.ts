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

/** The record's own JSON after three leading fields; joining strings is cheaper than copying the record into a new object per request. */
export function formatLogLine(record: RequestRecord, at: Date): string {
  return `{"time":"${at.toISOString()}","level":"${record.status >= 500 ? 'error' : 'info'}","msg":"request",${JSON.stringify(record).slice(1)}`;
}
