// A contender is one path from the load generator to the bench upstream: directly, or through one proxy.

/** dropin-generic: the same proxy with its backend on the generic profile, every stream parsed and repaired in flight */
export type ContenderName = 'direct' | 'nginx' | 'portkey' | 'dropin' | 'dropin-generic';

export const CONTENDER_LABELS: Record<ContenderName, string> = {
  direct: 'direct (the limit)',
  nginx: 'nginx',
  portkey: 'Portkey gateway',
  dropin: 'dropin proxy',
  'dropin-generic': 'dropin proxy, generic profile',
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
  stop(): Promise<void>;
}

export interface BenchPaths {
  /** the repository root, where bin/dropin.js lives */
  repoRoot: string;
  /** scratch directory for configs, logs and installs (.tmp/bench) */
  workDir: string;
}
