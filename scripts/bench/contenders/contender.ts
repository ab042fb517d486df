// A contender is one path from the load generator to the bench upstream: directly, or through one proxy.

/**
 * dropin-generic: the same proxy with its backend on the generic profile, every stream parsed and
 * repaired in flight. node-minimal and bun-minimal: the least a proxy can do on each runtime (no
 * JSON parse, no log, no metrics), the floor dropin is measured against. dropin-bun: dropin's
 * proxy started with Bun instead of Node.
 */
export type ContenderName = 'direct' | 'nginx' | 'node-minimal' | 'bun-minimal' | 'portkey' | 'dropin' | 'dropin-generic' | 'dropin-bun';

export const CONTENDER_LABELS: Record<ContenderName, string> = {
  direct: 'direct (the limit)',
  nginx: 'nginx',
  'node-minimal': 'minimal Node proxy',
  'bun-minimal': 'minimal Bun proxy',
  portkey: 'Portkey gateway',
  dropin: 'dropin proxy',
  'dropin-generic': 'dropin proxy, generic profile',
  'dropin-bun': 'dropin proxy on Bun',
};

export interface Contender {
  name: ContenderName;
  /** the OpenAI base URL, ending in /v1 */
  baseUrl: string;
  /** headers every request through this contender needs */
  headers: Record<string, string>;
  /** process to sample for RSS and CPU; null when no proxy is in the path */
  pid: number | null;
  version: string;
  /** its stdout and stderr, where a crash or a failed stop leaves its trace */
  logFile?: string;
  /** why its requests fail, when the bench can tell (asked only after a failed first request) */
  diagnose?(): string | undefined;
  /** 'killed' when it did not exit on its stop signal in time and got SIGKILL */
  stop(): Promise<StopOutcome>;
}

export type StopOutcome = 'stopped' | 'killed';

export interface BenchPaths {
  /** the repository root, where bin/dropin.js lives */
  repoRoot: string;
  /** scratch directory for configs, logs and installs (.tmp/bench) */
  workDir: string;
}
