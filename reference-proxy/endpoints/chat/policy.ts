// What an attempt's settings ask of a chat answer: whether it is normalised (every profile but
// the conformant openai one, which is piped untouched unless reasoning fields are to be renamed)
// and whether the output guard checks it.
import type { Attempt } from '../../core/attempt.ts';
import { needsNormalization } from '../../normalize/index.ts';
import { wantsStructuredOutput, type ChatRequest } from './validate.ts';

export function normalizes(a: Attempt): boolean {
  return needsNormalization(a.profile) || a.ctx.config.reasoning !== undefined;
}

export function guarded(a: Attempt<ChatRequest>): boolean {
  return a.ctx.config.guard.enabled && wantsStructuredOutput(a.request);
}
