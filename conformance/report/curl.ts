// A copy-paste curl command that reproduces a captured request, with the API key taken from
// $OPENAI_API_KEY instead of the (redacted) value that was sent.
import type { ExchangeRequest } from '../types.ts';

/** Headers curl sets itself, or that only describe the original connection. */
const DROPPED = new Set(['host', 'content-length', 'connection', 'transfer-encoding', 'accept-encoding']);
const KEY_HEADERS = new Set(['api-key', 'x-api-key']);

/** POSIX single-quoting: everything is literal except ', which closes, escapes and reopens. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

function isStream(body: string | undefined): boolean {
  if (body === undefined) return false;
  try {
    return (JSON.parse(body) as { stream?: unknown })?.stream === true;
  } catch {
    return false;
  }
}

function headerArg(name: string, value: string): string {
  const lower = name.toLowerCase();
  // double quotes so the shell expands the variable; the name is a header token, safe inside them
  if (lower === 'authorization') return `-H "${name}: Bearer $OPENAI_API_KEY"`;
  if (KEY_HEADERS.has(lower)) return `-H "${name}: $OPENAI_API_KEY"`;
  return `-H ${shellQuote(`${name}: ${value}`)}`;
}

export function curlFor(req: ExchangeRequest): string {
  const implied = req.body === undefined ? 'GET' : 'POST';
  const method = req.method.toUpperCase() === implied ? '' : ` -X ${req.method.toUpperCase()}`;
  const parts = [`${isStream(req.body) ? 'curl -sN' : 'curl -s'}${method} ${shellQuote(req.url)}`];
  for (const [name, value] of Object.entries(req.headers)) {
    if (!DROPPED.has(name.toLowerCase())) parts.push(headerArg(name, value));
  }
  if (req.body !== undefined) parts.push(`--data-raw ${shellQuote(req.body)}`);
  return parts.join(' \\\n  ');
}
