// The config as `dropin proxy --print-config` shows it: secrets redacted, and beside each `auto`
// backend the profile it would be served with now, identified on the spot (`detected`). A backend
// that has not answered within the wait shows as pending, served as generic.
import { redactConfig } from '../config/redact.ts';
import type { ProxyConfig } from '../types.ts';
import { BackendProfiles } from './backend-profiles.ts';
import { identifyBackends } from './identify-backends.ts';
import { observeBackend, type ObserveBackend } from './observe-backend.ts';
import { settleWithin } from './settle-within.ts';

export async function describeConfig(config: ProxyConfig, opts: { observe?: ObserveBackend; waitMs?: number } = {}): Promise<unknown> {
  const profiles = new BackendProfiles(config.backends);
  await settleWithin(identifyBackends(config.backends, profiles, opts.observe ?? observeBackend), opts.waitMs ?? 3_000);
  const out = redactConfig(config) as { backends: Array<Record<string, unknown>> };
  config.backends.forEach((backend, i) => {
    if (backend.profile !== 'auto') return;
    const { profile, version, source, via } = profiles.get(backend.name) ?? { profile: 'generic', source: 'pending' };
    out.backends[i].detected = { profile, ...(version ? { version } : {}), source, ...(via ? { via } : {}) };
  });
  return out;
}
