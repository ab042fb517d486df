// The legacy /completions checks. completionsBodyChecks hold for every non-stream answer and
// completionsStreamChecks for every stream, whatever the scenario; the registry applies them.
import type { Check } from '../../types.ts';
import { completionsFinishReason } from './finish-reason.ts';
import { completionsMaxTokensHonoured } from './max-tokens-honoured.ts';
import { completionsSchema } from './schema.ts';
import { completionsStatusOk } from './status-ok.ts';
import { completionsStopHonoured } from './stop-honoured.ts';
import { completionsStreamChunks } from './stream-chunks.ts';
import { completionsStreamDone } from './stream-done.ts';
import { completionsStreamFinishReason } from './stream-finish-reason.ts';
import { completionsStreamStatusOk } from './stream-status-ok.ts';
import { completionsStreamUsage } from './stream-usage.ts';
import { completionsUsage } from './usage.ts';

export const completionsBodyChecks: Check[] = [completionsStatusOk, completionsSchema, completionsFinishReason];

export const completionsStreamChecks: Check[] = [completionsStreamStatusOk, completionsStreamChunks, completionsStreamDone, completionsStreamFinishReason, completionsStreamUsage];

export const completionsChecks: Check[] = [...completionsBodyChecks, completionsUsage, completionsMaxTokensHonoured, completionsStopHonoured, ...completionsStreamChecks];
