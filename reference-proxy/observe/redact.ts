// Upstream error bodies are forwarded to clients; a backend that echoes the credential it was sent
// ("Incorrect API key provided: sk-...") must not leak the proxy's upstream key through them.

export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4 && out.includes(secret)) out = out.replaceAll(secret, '***');
  }
  return out;
}
