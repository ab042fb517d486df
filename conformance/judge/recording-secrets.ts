// Recordings carry the credentials their requests were sent with (a HAR keeps Authorization and
// cookies). Reports mask credential headers by name; these values are also replaced wherever
// else they appear — an echoed body, a URL, a message.
import type { CapturedExchange } from './captured-exchange.ts';

const CREDENTIALS = ['authorization', 'proxy-authorization', 'api-key', 'x-api-key', 'cookie'];

export function recordingSecrets(exchanges: CapturedExchange[]): string[] {
  const secrets = new Set<string>();
  for (const x of exchanges) {
    for (const name of CREDENTIALS) {
      const value = x.request.headers[name];
      if (!value || value.includes('***')) continue;
      // "Bearer sk-…": the token is the secret, the scheme is not
      const token = /^(Bearer|Basic|Token)\s+(.+)$/i.exec(value)?.[2] ?? value;
      if (token.length >= 8) secrets.add(token);
    }
  }
  return [...secrets];
}
