// A copy-paste curl command that reproduces a captured request, with the API key taken from
// $OPENAI_API_KEY instead of the (redacted) value that was sent. When dropin itself served the
// target for the run (the emulator, a replay), the command first says how to serve it again.
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

/** `startCommand`: TargetResult.startCommand, for a target whose port closed with the run. */
export function curlFor(req: ExchangeRequest, startCommand?: string): string {
  const implied = req.body === undefined ? 'GET' : 'POST';
  const method = req.method.toUpperCase() === implied ? '' : ` -X ${req.method.toUpperCase()}`;
  const parts = [`${isStream(req.body) ? 'curl -sN' : 'curl -s'}${method} ${shellQuote(req.url)}`];
  for (const [name, value] of Object.entries(req.headers)) {
    if (!DROPPED.has(name.toLowerCase())) parts.push(headerArg(name, value));
  }
  if (req.body !== undefined) parts.push(`--data-raw ${shellQuote(req.body)}`);
  const curl = parts.join(' \\\n  ');
  if (!startCommand) return curl;
  const port = /--port (\d+)/.exec(startCommand)?.[1] ?? 'this';
  return `# port ${port} was dropin's own, in process, for the run only; serve the same endpoint there again first:\n#   ${startCommand}\n${curl}`;
}
