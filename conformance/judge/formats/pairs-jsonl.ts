// JSON lines of request/response pairs, the format of fixtures/corpus/ (docs/judge.md): one
// exchange per line with `request` {method, originalUrl or url, headers?, body} and `response`
// {status, headers, body as text}. `server` names the target; `endpoint` ("POST /v1/responses")
// stands in for a URL the recording did not keep; a null request body means only the answer was kept.
import type { CapturedExchange, ReadRecording } from '../captured-exchange.ts';
import { RecordingError } from './recording-error.ts';

interface PairLine {
  id?: string;
  server?: string;
  endpoint?: string;
  recordedAt?: string;
  request: { method?: string; originalUrl?: string | null; url?: string | null; headers?: Record<string, string>; body?: string | null };
  response: { status: number; headers?: Record<string, string>; body?: string | null };
}

export function isPairLine(json: unknown): boolean {
  const line = json as Partial<PairLine> | null;
  return typeof line?.request === 'object' && line.request !== null && typeof line.response?.status === 'number';
}

export function readPairs(lines: unknown[], source: string): ReadRecording {
  const exchanges = lines.map((json, i) => {
    const where = `${source}:${i + 1}`;
    if (!isPairLine(json)) throw new RecordingError(`${where}: not a request/response pair (it needs "request" and "response" with a numeric "status")`);
    return toCaptured(json as PairLine, where);
  });
  return { format: 'JSONL request/response pairs', exchanges, ignored: 0 };
}

function toCaptured(line: PairLine, where: string): CapturedExchange {
  const [endpointMethod, endpointPath] = (line.endpoint ?? '').split(' ');
  const method = (line.request.method ?? endpointMethod ?? '').toUpperCase();
  const url = line.request.originalUrl ?? line.request.url ?? endpointPath;
  if (!method || !url) throw new RecordingError(`${where}: the pair names no URL: give request.originalUrl (or request.url) or "endpoint": "POST /v1/chat/completions"`);
  const body = typeof line.request.body === 'string' ? line.request.body : undefined;
  const recorded = line.recordedAt ? Date.parse(line.recordedAt) : NaN;
  return {
    id: line.id ?? where,
    target: line.server ?? hostOf(url) ?? where.split(':')[0],
    request: { method, url, headers: lowerCased(line.request.headers), body },
    // a GET carries no body; a POST without one kept only the answer
    requestKnown: body !== undefined || (method === 'GET' && (line.request.originalUrl ?? line.request.url) != null),
    response: { status: line.response.status, headers: lowerCased(line.response.headers), body: new TextEncoder().encode(line.response.body ?? '') },
    startedAt: Number.isFinite(recorded) ? recorded : undefined,
  };
}

function lowerCased(headers: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}
