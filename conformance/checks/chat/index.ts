// The chat checks, and the response checks every non-stream chat completion is held to.
import type { Check } from '../../types.ts';
import { chatFinishReasonEnum } from './finish-reason-enum.ts';
import { chatMaxCompletionTokensHonoured } from './max-completion-tokens-honoured.ts';
import { chatMaxTokensHonoured } from './max-tokens-honoured.ts';
import { chatNHonoured } from './n-honoured.ts';
import { chatSchema } from './schema.ts';
import { chatSchemaStrict } from './schema-strict.ts';
import { chatStatusOk } from './status-ok.ts';
import { chatStopHonoured } from './stop-honoured.ts';
import { chatStreamOptionsTolerated } from './stream-options-tolerated.ts';
import { chatUsage } from './usage.ts';

/**
 * Applied to every non-stream chat completion, whatever the scenario: a valid request is answered
 * 200 (a clean "unsupported" envelope makes the scenario skip before these run), and the body is a
 * chat completion.
 */
export const chatResponseChecks: Check[] = [chatStatusOk, chatSchema, chatSchemaStrict, chatFinishReasonEnum];

export const chatChecks: Check[] = [
  ...chatResponseChecks,
  chatUsage,
  chatMaxTokensHonoured,
  chatMaxCompletionTokensHonoured,
  chatStopHonoured,
  chatNHonoured,
  chatStreamOptionsTolerated,
];
