// Secrets are written inline or as `env:NAME`; the file can then be committed without them.
// Resolution happens once at load time so a missing variable fails the start, not a request.
import { formatPath } from './config-path.ts';

export type Resolved = { ok: true; value: string } | { ok: false; problem: string };

const ENV_REF = /^env:(.*)$/;

export function resolveSecret(value: string, path: (string | number)[], env: NodeJS.ProcessEnv): Resolved {
  const ref = ENV_REF.exec(value);
  if (!ref) return { ok: true, value };
  const name = ref[1];
  const where = formatPath(path);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    return { ok: false, problem: `${where}: "env:${name}" is not a valid environment variable name; write env:NAME with letters, digits and _` };
  }
  const found = env[name];
  if (found === undefined || found === '') {
    return { ok: false, problem: `${where}: environment variable ${name} is not set (or empty); export ${name} before starting the proxy, or write the key inline` };
  }
  return { ok: true, value: found };
}

interface RawSecrets {
  backends: Array<{ apiKey?: string }>;
  auth?: { keys: Array<{ key: string }> };
  /** a Redis URL may carry a password */
  state?: { redis: { url: string } };
}

/** A copy of `raw` with every `env:` secret replaced by its value, and the problems found. */
export function resolveSecrets<T extends RawSecrets>(raw: T, env: NodeJS.ProcessEnv): { config: T; problems: string[] } {
  const config = structuredClone(raw);
  const problems: string[] = [];
  const apply = (value: string, path: (string | number)[], set: (v: string) => void) => {
    const r = resolveSecret(value, path, env);
    if (r.ok) set(r.value);
    else problems.push(r.problem);
  };
  config.backends.forEach((b, i) => {
    if (b.apiKey !== undefined) apply(b.apiKey, ['backends', i, 'apiKey'], (v) => (b.apiKey = v));
  });
  config.auth?.keys.forEach((k, i) => apply(k.key, ['auth', 'keys', i, 'key'], (v) => (k.key = v)));
  const redis = config.state?.redis;
  if (redis) apply(redis.url, ['state', 'redis', 'url'], (v) => (redis.url = v));
  return { config, problems };
}
