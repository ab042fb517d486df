// What each server does with the embeddings parameters that differ between them
// (wire-facts-surface §2.3): whether it sends base64 when asked (S17), whether it honours
// `dimensions` (S18) and whether it takes token-array input (S19). Unknown servers are asked for
// floats (every server sends those; the proxy encodes) and their vectors' length is checked.
import { versionAtLeast } from '../../detect/version-at-least.ts';
import type { QuirkProfile } from '../../types.ts';

/** Ollama answers base64 since v0.12.7 (#12715); before, the field was ignored and floats came back. */
const OLLAMA_BASE64_FROM = [0, 12, 7];
/** Ollama honours dimensions (truncate, then L2-normalise) since v0.11.11 (#12242); before, it was ignored. */
const OLLAMA_DIMENSIONS_FROM = [0, 11, 11];

/** Whether the server answers `encoding_format: "base64"` with base64 (little-endian float32). */
export function sendsBase64(profile: QuirkProfile, version?: string): boolean {
  switch (profile) {
    case 'openai':
    case 'vllm':
    case 'llama.cpp':
    case 'ollama':
      return true;
    case 'ollama-legacy':
      return versionAtLeast(version, OLLAMA_BASE64_FROM) === true;
    default:
      return false;
  }
}

/**
 * Whether the server is known to ignore `dimensions` and send full-length vectors. vLLM refuses it
 * itself for models that cannot (a 400 the client hears); an unknown server's vectors are measured.
 */
export function ignoresDimensions(profile: QuirkProfile, version?: string): boolean {
  if (profile === 'llama.cpp') return true;
  return profile === 'ollama-legacy' && versionAtLeast(version, OLLAMA_DIMENSIONS_FROM) === false;
}

/** Ollama reads `input` as a string or strings only: token ids are a 400 "invalid input type". */
export function takesTokenInput(profile: QuirkProfile): boolean {
  return profile !== 'ollama' && profile !== 'ollama-legacy';
}
