// Why a contender is not measured: its first plain request did not succeed. The bench says so in
// one line ("fails: ...") instead of timing thousands of errors, and goes on with the others.

export interface FirstAnswer {
  /** HTTP status; 0 when no answer came at all */
  status: number;
  body: string;
  /** the client-side error when there was no answer */
  error?: string;
}

export function succeeded(a: FirstAnswer): boolean {
  return a.status >= 200 && a.status < 300;
}

/** "fails: HTTP 502 upstream_unavailable (No backend could answer ...); <diagnosis>" */
export function failureReason(a: FirstAnswer, diagnosis?: string): string {
  const what = a.status === 0 ? `no answer (${a.error ?? 'connection failed'})` : `HTTP ${a.status}${envelopeSummary(a.body)}`;
  return `fails: the first request got ${what}${diagnosis ? `; ${diagnosis}` : ''}`;
}

const MAX_MESSAGE = 120;

function envelopeSummary(body: string): string {
  try {
    const { error } = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    if (!error) return '';
    const code = typeof error.code === 'string' ? ` ${error.code}` : '';
    const message = typeof error.message === 'string' ? ` ("${clip(error.message)}")` : '';
    return `${code}${message}`;
  } catch {
    return body.trim() === '' ? '' : ` ("${clip(body.trim())}")`;
  }
}

function clip(text: string): string {
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text;
}
