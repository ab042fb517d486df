// Which OpenAI APIs a backend serves: what its config says (`apis:`), or else what its profile —
// configured or identified, with the version the server reported — is known to serve
// (wire-facts-surface.md). Routing sends a request only to backends serving its endpoint's API.
import { versionAtLeast } from '../detect/version-at-least.ts';
import type { Api, BackendConfig, QuirkProfile } from '../types.ts';

export type { Api } from '../types.ts';
export const APIS: readonly Api[] = ['chat', 'responses', 'embeddings', 'completions'];

const ALL: ReadonlySet<Api> = new Set(APIS);
/** llama-server's own /v1/responses converts onto chat with deviations (S01-S05): the proxy's translation is better */
const CHAT_COMPLETIONS_EMBEDDINGS: ReadonlySet<Api> = new Set(['chat', 'completions', 'embeddings']);
/** an unidentified server: chat (and /v1/models, always answered from config) until its config says more */
const CHAT: ReadonlySet<Api> = new Set(['chat']);

/** Ollama added /v1/responses in v0.13.3 (#13351); /v1/embeddings (v0.2.6) and /v1/completions (v0.2) long before. */
const OLLAMA_RESPONSES_FROM = [0, 13, 3];

/** The APIs a server of this profile serves when its config does not say. */
export function defaultApis(profile: QuirkProfile, version?: string): ReadonlySet<Api> {
  switch (profile) {
    case 'openai':
    case 'ollama':
    case 'vllm':
    case 'lm-studio':
      return ALL;
    case 'ollama-legacy':
      return versionAtLeast(version, OLLAMA_RESPONSES_FROM) ? ALL : CHAT_COMPLETIONS_EMBEDDINGS;
    case 'llama.cpp':
      return CHAT_COMPLETIONS_EMBEDDINGS;
    case 'generic':
      return CHAT;
  }
}

/** What the current profile of a backend is (detect/backend-profiles.ts). */
export interface ProfileSource {
  get(backend: string): { profile: QuirkProfile; version?: string } | undefined;
}

/**
 * Each backend's APIs now. Asked on every request for every candidate, so the answer is kept per
 * backend and worked out again only when the backend's profile or version changed.
 */
export class BackendApis {
  private readonly configured = new Map<string, ReadonlySet<Api>>();
  private readonly derived = new Map<string, { profile: QuirkProfile; version?: string; apis: ReadonlySet<Api> }>();

  private readonly profiles: ProfileSource;

  constructor(backends: readonly BackendConfig[], profiles: ProfileSource) {
    this.profiles = profiles;
    for (const b of backends) if (b.apis) this.configured.set(b.name, new Set(b.apis));
  }

  get(backend: string): ReadonlySet<Api> {
    const fixed = this.configured.get(backend);
    if (fixed) return fixed;
    const now = this.profiles.get(backend) ?? { profile: 'generic' as const };
    const known = this.derived.get(backend);
    if (known && known.profile === now.profile && known.version === now.version) return known.apis;
    const apis = defaultApis(now.profile, now.version);
    this.derived.set(backend, { profile: now.profile, version: now.version, apis });
    return apis;
  }
}
