// Which server a backend is, from what it answers on the routes real servers use to identify
// themselves (pure: observations in, identity out). Ollama answers `GET /api/version`, llama-server
// `GET /props` (and sends `Server: llama.cpp` everywhere), LM Studio `GET /api/v0/models` with
// its own model fields, vLLM `GET /version` (behind uvicorn's `server` header). OpenAI answers
// none of them and is known by its host. Nothing recognised → `generic`: every in-flight repair
// on, never the raw pass-through, which is only for a backend known to be conformant.
import type { QuirkProfile } from '../types.ts';
import { versionAtLeast } from './version-at-least.ts';

/** What one identifying GET returned. */
export interface Observation {
  /** relative to the backend's root (its base URL without /v1), e.g. "/api/version" */
  path: string;
  /** 0 when no HTTP answer came (refused, timed out) */
  status: number;
  /** the `server` response header, lower-cased */
  server?: string;
  /** the body parsed as JSON, when it was JSON */
  json?: unknown;
}

export interface Identity {
  profile: QuirkProfile;
  version?: string;
  /** the evidence, for the log and /readyz: e.g. "GET /api/version" or "host api.openai.com" */
  via: string;
  /** the route whose answer identified the server: asking it alone tells whether it changed */
  path?: string;
}

/** The routes asked, in the order their answers are trusted. */
export const IDENTIFYING_PATHS = ['/api/version', '/props', '/api/v0/models', '/version'] as const;

/** Ollama's streaming rework (role once, separate finish chunk, pinned created) shipped in v0.32.6. */
const OLLAMA_CURRENT_FROM = [0, 32, 6];

const OPENAI_HOSTS = new Set(['api.openai.com']);

/** OpenAI itself, known from the base URL alone: no request needed. */
export function identifyByHost(baseUrl: string): Identity | undefined {
  const host = new URL(baseUrl).hostname.toLowerCase();
  return OPENAI_HOSTS.has(host) ? { profile: 'openai', via: `host ${host}` } : undefined;
}

export function identify(observations: readonly Observation[]): Identity {
  const at = (path: string) => observations.find((o) => o.path === path && o.status >= 200 && o.status < 300);
  const ollama = stringField(at('/api/version')?.json, 'version');
  if (ollama !== undefined) return found(isLegacyOllama(ollama) ? 'ollama-legacy' : 'ollama', ollama, '/api/version');
  const props = at('/props')?.json;
  if (isLlamaProps(props)) return found('llama.cpp', stringField(props, 'build_info'), '/props');
  const llamaHeader = observations.find((o) => o.server === 'llama.cpp');
  if (llamaHeader) return { profile: 'llama.cpp', via: `server header on GET ${llamaHeader.path}`, path: llamaHeader.path };
  if (isLmStudioList(at('/api/v0/models')?.json)) return found('lm-studio', undefined, '/api/v0/models');
  const version = at('/version');
  const vllm = stringField(version?.json, 'version');
  if (vllm !== undefined) return found('vllm', vllm, '/version', version?.server ? ` (server ${version.server})` : '');
  return { profile: 'generic', via: 'no identifying route answered' };
}

/** Ollama before v0.32.6; an unreadable version counts as current (both get the same fixes). */
export function isLegacyOllama(version: string): boolean {
  return versionAtLeast(version, OLLAMA_CURRENT_FROM) === false;
}

function found(profile: QuirkProfile, version: string | undefined, path: string, note = ''): Identity {
  const via = `GET ${path}${note}`;
  return version === undefined ? { profile, via, path } : { profile, version, via, path };
}

/**
 * A version-like field: its first word, if that looks like a version. The value ends up in logs
 * and metric labels, so anything else a backend puts there is not repeated.
 */
function stringField(json: unknown, key: string): string | undefined {
  const value = json !== null && typeof json === 'object' ? (json as Record<string, unknown>)[key] : undefined;
  if (typeof value !== 'string') return undefined;
  const word = value.trim().split(/\s+/)[0];
  return /^[\w.+-]{1,64}$/.test(word) ? word : undefined;
}

/** llama-server's /props: its generation settings and slot count, or its build. */
function isLlamaProps(json: unknown): boolean {
  if (json === null || typeof json !== 'object') return false;
  const props = json as Record<string, unknown>;
  return typeof props.default_generation_settings === 'object' || typeof props.build_info === 'string' || Number.isInteger(props.total_slots);
}

/** LM Studio's REST v0 list: an OpenAI-like list whose models carry LM Studio's own fields. */
function isLmStudioList(json: unknown): boolean {
  const data = (json as { data?: unknown } | null)?.data;
  if (!Array.isArray(data) || (json as { object?: unknown }).object !== 'list') return false;
  return data.some((m) => m !== null && typeof m === 'object' && ('compatibility_type' in m || 'publisher' in m || 'max_context_length' in m));
}
