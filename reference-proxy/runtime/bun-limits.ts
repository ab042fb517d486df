// What the proxy cannot do on Bun the way it does on Node, decided from the config before
// anything starts: a setting Bun cannot honour is refused with the reason and the way out,
// never silently weakened. README ("Running on Bun") lists the same.
import { DEFAULTS } from '../config/defaults.ts';
import type { ProxyConfig } from '../types.ts';

/** Bun.serve's idle timeout is whole seconds, at most 255. */
const MAX_IDLE_TIMEOUT_S = 255;

/** The problems of a config on Bun, each naming the setting; empty when Bun can run it. */
export function bunRefusals(config: ProxyConfig): string[] {
  const problems: string[] = [];
  if (config.limits.headersTimeoutMs !== DEFAULTS.limits.headersTimeoutMs) {
    problems.push(
      `limits.headersTimeoutMs: Bun.serve has no deadline for a request's headers, only an idle timeout (a connection that sends nothing for ${DEFAULTS.limits.headersTimeoutMs / 1000} s is closed); remove the setting, or run the proxy on Node to enforce it`,
    );
  }
  config.backends.forEach((b, i) => {
    if (b.timeouts.connectMs === DEFAULTS.timeouts.connectMs) return;
    problems.push(
      `backends[${i}].timeouts.connectMs: fetch, Bun's HTTP client, has no connect timeout (on Bun, connecting to ${b.name} counts against firstByteMs); remove the setting, or run the proxy on Node to enforce it`,
    );
  });
  return problems;
}

/** The idle timeout Bun.serve closes a silent connection after, from the headers timeout. */
export function bunIdleTimeoutS(limits: ProxyConfig['limits']): number {
  return Math.min(MAX_IDLE_TIMEOUT_S, Math.max(1, Math.ceil(limits.headersTimeoutMs / 1000)));
}
