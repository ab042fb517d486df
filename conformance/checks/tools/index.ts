// The tool-calling checks; scenarios/tools.ts picks the ones that apply to each request.
import type { Check } from '../../types.ts';
import { toolsArgumentsJson } from './arguments-json.ts';
import { toolsArgumentsString } from './arguments-string.ts';
import { toolsArgumentsValid } from './arguments-valid.ts';
import { toolsCallSchema } from './call-schema.ts';
import { toolsChoiceHonoured } from './choice-honoured.ts';
import { toolsFinishReason } from './finish-reason.ts';
import { toolsStreamDistinctIndex } from './stream-distinct-index.ts';
import { toolsStreamFinishReason } from './stream-finish-reason.ts';
import { toolsStreamIdOnce } from './stream-id-once.ts';
import { toolsStreamIndex } from './stream-index.ts';
import { toolsStreamNoNulls } from './stream-no-nulls.ts';

export const toolsChecks: Check[] = [
  toolsCallSchema,
  toolsArgumentsString,
  toolsArgumentsJson,
  toolsArgumentsValid,
  toolsFinishReason,
  toolsChoiceHonoured,
  toolsStreamIndex,
  toolsStreamDistinctIndex,
  toolsStreamIdOnce,
  toolsStreamNoNulls,
  toolsStreamFinishReason,
];
