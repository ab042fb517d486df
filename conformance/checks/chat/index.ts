import type { Check } from '../../types.ts';
import { chatFinishReasonEnum } from './finish-reason-enum.ts';
import { chatMaxCompletionTokensHonoured } from './max-completion-tokens-honoured.ts';
import { chatMaxTokensHonoured } from './max-tokens-honoured.ts';
import { chatNHonoured } from './n-honoured.ts';
import { chatSchema } from './schema.ts';
import { chatStatusOk } from './status-ok.ts';
import { chatStopHonoured } from './stop-honoured.ts';
import { chatStreamOptionsTolerated } from './stream-options-tolerated.ts';
import { chatUsage } from './usage.ts';

/** Applied to every 2xx non-stream chat completion, whatever the scenario. */
export const chatResponseChecks: Check[] = [chatSchema, chatFinishReasonEnum];

export const chatChecks: Check[] = [
  chatStatusOk,
  ...chatResponseChecks,
  chatUsage,
  chatMaxTokensHonoured,
  chatMaxCompletionTokensHonoured,
  chatStopHonoured,
  chatNHonoured,
  chatStreamOptionsTolerated,
];
