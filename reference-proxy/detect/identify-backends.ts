// Identifies the `auto` backends: OpenAI by its host; a backend identified before by asking the
// one route that identified it (one request while nothing changes); otherwise by asking every
// identifying route. A backend that answers none stays or becomes `generic`; one that does not
// answer at all (down, restarting) keeps what it was identified as: silence is no evidence of a
// change, and the next answer decides.
import type { BackendConfig } from '../types.ts';
import type { BackendProfiles } from './backend-profiles.ts';
import { identify, identifyByHost, type Identity, type Observation } from './identify.ts';
import { observeBackend, type ObserveBackend } from './observe-backend.ts';

export async function identifyBackends(backends: readonly BackendConfig[], profiles: BackendProfiles, observe: ObserveBackend = observeBackend): Promise<void> {
  await Promise.all(backends.filter((b) => b.profile === 'auto').map((b) => identifyOne(b, profiles, observe)));
}

async function identifyOne(backend: BackendConfig, profiles: BackendProfiles, observe: ObserveBackend): Promise<void> {
  const byHost = identifyByHost(backend.baseUrl);
  if (byHost) return profiles.record(backend.name, byHost);
  const last = profiles.get(backend.name);
  if (last?.source === 'identified' && last.path !== undefined) {
    const again = identifyFrom(backend, await observe(backend, [last.path]));
    if (again.profile === last.profile && again.version === last.version) return;
  }
  const observations = await observe(backend);
  if (last?.source === 'identified' && observations.every((o) => o.status === 0)) return;
  profiles.record(backend.name, identifyFrom(backend, observations));
}

/** A version goes to logs and metric labels: one that quotes the backend's key is dropped. */
function identifyFrom(backend: BackendConfig, observations: Observation[]): Identity {
  const identity = identify(observations);
  if (identity.version === undefined || !backend.apiKey || !identity.version.includes(backend.apiKey)) return identity;
  const { version: _secret, ...rest } = identity;
  return rest;
}
