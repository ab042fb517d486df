// Turns whatever error a backend sends into the OpenAI envelope with a status the SDKs map to the
// right error class (wire-facts F16-F20): flat bodies (old vLLM, SGLang), string bodies (LM
// Studio), integer codes and a missing param (llama.cpp, vLLM), backend-specific types (Ollama,
// llama.cpp, vLLM), HTML from a gateway, and client mistakes answered with 5xx — which the
// official SDKs would otherwise retry for nothing.
import { ProxyError } from '../errors.ts';
import type { ErrorBody } from '../types.ts';
import type { Repairs } from './repairs.ts';

const OPENAI_TYPES = new Set([
  'invalid_request_error',
  'authentication_error',
  'permission_error',
  'rate_limit_error',
  'server_error',
  'insufficient_quota',
]);

/** Backend error types → the OpenAI type, the code OpenAI uses for that case, and its status. */
const TYPE_ALIASES: Record<string, { type: string; status: number; code?: string }> = {
  badrequesterror: { type: 'invalid_request_error', status: 400 },
  not_supported_error: { type: 'invalid_request_error', status: 400 },
  exceed_context_size_error: { type: 'invalid_request_error', status: 400, code: 'context_length_exceeded' },
  not_found_error: { type: 'invalid_request_error', status: 404 },
  notfounderror: { type: 'invalid_request_error', status: 404 },
  authenticationerror: { type: 'authentication_error', status: 401 },
  permissiondeniederror: { type: 'permission_error', status: 403 },
  ratelimiterror: { type: 'rate_limit_error', status: 429 },
  api_error: { type: 'server_error', status: 500 },
  internalservererror: { type: 'server_error', status: 500 },
  unavailable_error: { type: 'server_error', status: 503 },
  serviceunavailableerror: { type: 'server_error', status: 503 },
};

/** Messages that show the request, not the server, was at fault (F20). */
const CLIENT_FAULT =
  /parse error|json\.exception|invalid json|invalid character|unexpected (token|end of)|cannot unmarshal|validation error|is required|must be|invalid (value|type|argument|parameter|tool_choice)|unsupported|not supported|only one completion choice|cannot use both/i;

interface Fields {
  message?: string;
  type?: string;
  param?: string | null;
  code?: string | null;
  /** an integer code many backends put where OpenAI has a string */
  statusHint?: number;
}

/** Any upstream error body → the envelope and a sane status; `repairs` learns what had to change. */
export function normalizeError(status: number, bodyText: string, repairs?: Repairs): { status: number; body: ErrorBody } {
  return envelopeFrom(parseBody(bodyText), status, repairs);
}

/** The envelope for an already-parsed error value (also used for mid-stream error events, status 200). */
export function envelopeFrom(parsed: unknown, status: number, repairs?: Repairs): { status: number; body: ErrorBody } {
  const fields = extractFields(parsed);
  const alias = fields.type ? TYPE_ALIASES[fields.type.toLowerCase()] : undefined;
  const message = fields.message || `The backend answered HTTP ${status} without an error message.`;
  const finalStatus = saneStatus(status, fields, alias?.status, message);
  const statusChanged = finalStatus !== status;
  const type = statusChanged
    ? undefined
    : fields.type && OPENAI_TYPES.has(fields.type)
      ? fields.type
      : alias?.type;
  let code = fields.code ?? alias?.code ?? null;
  if (code === null && finalStatus === 404 && /model/i.test(message)) code = 'model_not_found';
  const error = new ProxyError(finalStatus, message, { type, param: fields.param ?? null, code });
  const body = error.toBody();
  if (repairs) {
    if (!sameEnvelope(parsed, body)) repairs.add('error_envelope');
    if (status >= 400 && statusChanged) repairs.add('error_status');
  }
  return { status: finalStatus, body };
}

/** Whether the backend already sent what the client gets: an OpenAI envelope with these values. */
function sameEnvelope(parsed: unknown, body: ErrorBody): boolean {
  const e = (parsed as { error?: Record<string, unknown> } | null)?.error;
  if (e === null || typeof e !== 'object') return false;
  const want = body.error;
  return e.message === want.message && e.type === want.type && e.param === want.param && e.code === want.code;
}

function saneStatus(status: number, fields: Fields, aliasStatus: number | undefined, message: string): number {
  if (status < 400) return fields.statusHint ?? aliasStatus ?? 502;
  if (status === 422 || status === 501) return 400;
  if (status >= 500) {
    if (aliasStatus !== undefined && aliasStatus < 500) return aliasStatus;
    if (fields.type === 'invalid_request_error' || CLIENT_FAULT.test(message)) return 400;
  }
  return status;
}

function extractFields(parsed: unknown): Fields {
  if (typeof parsed === 'string') return { message: parsed };
  if (parsed === null || typeof parsed !== 'object') return {};
  const body = parsed as Record<string, any>;
  if (typeof body.error === 'string') return { message: body.error };
  if (body.error !== null && typeof body.error === 'object') return fieldsOf(body.error);
  if (typeof body.detail === 'string') return { message: body.detail, statusHint: 400 };
  if (Array.isArray(body.detail)) return { message: describeDetail(body.detail), statusHint: 400 };
  return fieldsOf(body);
}

function fieldsOf(e: Record<string, any>): Fields {
  return {
    message: typeof e.message === 'string' ? e.message : e.message === undefined ? undefined : JSON.stringify(e.message),
    type: typeof e.type === 'string' && e.type !== '' ? e.type : undefined,
    param: typeof e.param === 'string' ? e.param : null,
    code: typeof e.code === 'string' && e.code !== '' ? e.code : null,
    statusHint: Number.isInteger(e.code) && e.code >= 400 && e.code < 600 ? e.code : undefined,
  };
}

/** FastAPI validation errors: [{loc, msg, type}] → "body.messages: field required; …". */
function describeDetail(detail: any[]): string {
  return detail
    .map((d) => (Array.isArray(d?.loc) ? `${d.loc.join('.')}: ${d.msg}` : String(d?.msg ?? JSON.stringify(d))))
    .join('; ');
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return nonJsonMessage(text);
  }
}

function nonJsonMessage(text: string): string | undefined {
  const title = /<title>([^<]*)<\/title>/i.exec(text)?.[1];
  const plain = (title ?? text.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
  if (plain === '') return undefined;
  const snippet = plain.length > 200 ? `${plain.slice(0, 200)}…` : plain;
  return `The backend answered with a non-JSON error body: "${snippet}".`;
}
