// Each backend's current profile: the configured one, or for `auto` the one identified last
// (generic until then, never the raw pass-through). The request path reads it once per attempt
// (a Map lookup); identification writes it at start-up and on every re-identification, with one
// log line per change, so an upgrade or a swapped server shows in the log once.
import type { BackendConfig, QuirkProfile } from '../types.ts';
import type { Identity } from './identify.ts';

/** configured: set in the config; pending: `auto`, not identified yet; identified / unidentified: the last identification's verdict */
export type ProfileSource = 'configured' | 'pending' | 'identified' | 'unidentified';

export interface BackendProfile {
  profile: QuirkProfile;
  version?: string;
  source: ProfileSource;
  /** how it was identified */
  via?: string;
  /** the route that identified it */
  path?: string;
}

export class BackendProfiles {
  private readonly states = new Map<string, BackendProfile>();

  private readonly log: (line: string) => void;

  constructor(backends: readonly BackendConfig[], log: (line: string) => void = () => {}) {
    this.log = log;
    for (const b of backends) {
      this.states.set(b.name, b.profile === 'auto' ? { profile: 'generic', source: 'pending' } : { profile: b.profile, source: 'configured' });
    }
  }

  /** The profile a request to this backend is handled with now. */
  profile(backend: string): QuirkProfile {
    return this.states.get(backend)?.profile ?? 'generic';
  }

  get(backend: string): BackendProfile | undefined {
    return this.states.get(backend);
  }

  snapshot(): Array<BackendProfile & { backend: string }> {
    return [...this.states].map(([backend, state]) => ({ backend, ...state }));
  }

  /** Stores an identification's verdict; logs it when the profile, version or verdict changed. */
  record(backend: string, identity: Identity): void {
    const before = this.states.get(backend);
    const next: BackendProfile = { profile: identity.profile, source: identity.profile === 'generic' ? 'unidentified' : 'identified', via: identity.via };
    if (identity.version !== undefined) next.version = identity.version;
    if (identity.path !== undefined) next.path = identity.path;
    this.states.set(backend, next);
    if (before?.profile === next.profile && before.version === next.version && before.source === next.source) return;
    this.log(changeLine(backend, before, next));
  }
}

function changeLine(backend: string, before: BackendProfile | undefined, next: BackendProfile): string {
  const msg = next.source === 'identified' ? 'backend identified' : 'backend not identified: every in-flight repair on (profile generic)';
  const previous = before && before.source !== 'pending' ? { previous: { profile: before.profile, ...(before.version ? { version: before.version } : {}) } } : {};
  return JSON.stringify({
    time: new Date().toISOString(),
    level: next.source === 'identified' ? 'info' : 'warn',
    msg,
    backend,
    profile: next.profile,
    ...(next.version ? { version: next.version } : {}),
    via: next.via,
    ...previous,
  });
}
