// Secrets never reach a report: credential headers are masked by name, and every given secret
// string is replaced wherever it appears (URLs, bodies, messages, Expected/Received text).
import type { RunResult } from '../types.ts';

const MASKED = '***';
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'api-key', 'x-api-key', 'cookie', 'set-cookie']);
/** Shorter strings would shred ordinary text; callers should not treat them as secrets. */
const MIN_SECRET_LENGTH = 4;

/** Keep the auth scheme ("Bearer", "Basic") so a reader still sees how the target authenticates. */
function maskHeader(name: string, value: string): string {
  if (name !== 'authorization' && name !== 'proxy-authorization') return MASKED;
  const scheme = /^([A-Za-z][\w-]*)\s+\S/.exec(value);
  return scheme ? `${scheme[1]} ${MASKED}` : MASKED;
}

/** The forms a secret takes on the wire: as-is, inside a JSON string, and URL-encoded. */
function secretForms(secrets: string[]): string[] {
  const forms = new Set<string>();
  for (const s of secrets) {
    if (s.length < MIN_SECRET_LENGTH) continue;
    forms.add(s);
    forms.add(JSON.stringify(s).slice(1, -1));
    forms.add(encodeURIComponent(s));
  }
  // longest first, so a secret that contains another is replaced whole
  return [...forms].sort((a, b) => b.length - a.length);
}

export function redactText(text: string, forms: string[]): string {
  let out = text;
  for (const f of forms) if (out.includes(f)) out = out.split(f).join(MASKED);
  return out;
}

/** Every given secret replaced in one text, in each form it takes on the wire. */
export function redactSecretsIn(text: string, secrets: string[]): string {
  return redactText(text, secretForms(secrets));
}

/** Credential headers masked by name (keeping the auth scheme); other headers as they are. */
export function maskCredentialHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([k, v]) => [k, CREDENTIAL_HEADERS.has(k.toLowerCase()) ? maskHeader(k.toLowerCase(), v) : v]),
  );
}

function isHeaderRecord(key: string | undefined): boolean {
  return key === 'headers';
}

function walk(value: unknown, forms: string[], key?: string): unknown {
  if (typeof value === 'string') return redactText(value, forms);
  if (Array.isArray(value)) return value.map((v) => walk(v, forms));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const masked = isHeaderRecord(key) && typeof v === 'string' && CREDENTIAL_HEADERS.has(k.toLowerCase());
    out[redactText(k, forms)] = masked ? maskHeader(k.toLowerCase(), v) : walk(v, forms, k);
  }
  return out;
}

/** A deep copy of the run with credentials masked and every secret (≥ 4 chars) replaced by ***. */
export function redactRun(run: RunResult, secrets: string[]): RunResult {
  return walk(run, secretForms(secrets)) as RunResult;
}
