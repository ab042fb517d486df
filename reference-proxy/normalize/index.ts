// The normaliser's public API: what the server calls on the request path. See README.md for
// which backend quirk each piece repairs and why.
import type { QuirkProfile } from '../types.ts';

export type { NormalizeContext, StreamNormalizer } from './context.ts';
export { normalizeCompletion } from './completion.ts';
export { normalizeModels } from './models.ts';
export { fanOutCount, normalizeRequest, normalizeTextRequest } from './request.ts';
export { createStreamNormalizer } from './stream.ts';
export { normalizeError } from './upstream-error.ts';
export { createTextCompletionStreamNormalizer, normalizeTextCompletion } from './text-completion.ts';
export { placeReasoning } from './reasoning.ts';
export { REPAIR_KINDS, type RepairKind, type Repairs } from './repairs.ts';

/**
 * False for a backend that speaks OpenAI's wire format as is: the server then pipes its bytes to
 * the client untouched, with no parse or re-serialise on the hot path.
 */
export function needsNormalization(profile: QuirkProfile): boolean {
  return profile !== 'openai';
}
