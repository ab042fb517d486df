// The dropin proxy config for the bench: one backend with the openai profile, so requests take
// the raw pass-through path, or with the generic profile (an unidentified server: every stream
// de-framed, checked and repaired in flight); limits raised so 1000 held streams are not refused.
import { stringify } from 'yaml';

export function dropinConfig(port: number, upstreamPort: number, models: string[], profile: 'openai' | 'generic' = 'openai'): string {
  return stringify({
    listen: { host: '127.0.0.1', port },
    backends: [{ name: 'bench-upstream', baseUrl: `http://127.0.0.1:${upstreamPort}/v1`, profile, models }],
    limits: { maxConcurrent: 4096 },
  });
}
