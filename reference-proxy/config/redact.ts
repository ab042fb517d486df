// A config safe to print: every secret replaced by "***". Used for `--dump-config` style output
// and anywhere a config could reach a log or report.
import type { ProxyConfig } from '../types.ts';
import { redactRedisUrl } from './redis-url.ts';

const MASK = '***';

export function redactConfig(config: ProxyConfig): unknown {
  const copy = structuredClone(config);
  for (const b of copy.backends) if (b.apiKey !== undefined) b.apiKey = MASK;
  for (const k of copy.auth?.keys ?? []) k.key = MASK;
  if (copy.state) copy.state.redis.url = redactRedisUrl(copy.state.redis.url);
  return copy;
}
