// The Redis URL of `state.redis.url` may carry a password (redis://user:password@host:6379/0):
// checked once resolved (an env: value is only known then), and shown anywhere only without it.
import { formatPath } from './config-path.ts';

const PATH = ['state', 'redis', 'url'];

/** A problem with a resolved Redis URL; the message never quotes the URL. */
export function redisUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `${formatPath(PATH)}: is not a valid URL; write redis://[user:password@]host:6379[/db]`;
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    return `${formatPath(PATH)}: must start with redis:// or rediss:// (got ${parsed.protocol}//)`;
  }
  if (parsed.hostname === '') return `${formatPath(PATH)}: names no host; write redis://host:6379`;
  const db = parsed.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d+$/.test(db)) return `${formatPath(PATH)}: the path must be a database number such as /0 (got /${db})`;
  return undefined;
}

/** The URL with its password (and user name) masked, for logs, metrics and --print-config. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    if (parsed.username) parsed.username = '***';
    return parsed.toString();
  } catch {
    return '***';
  }
}

/** host:port only: enough to say which Redis, nothing that could be secret. */
export function redisEndpoint(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '6379'}`;
  } catch {
    return 'redis';
  }
}
