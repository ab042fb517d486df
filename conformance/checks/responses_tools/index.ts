// The Responses tool-calling and structured-output checks.
import type { Check } from '../../types.ts';
import { responsesToolsArgumentsJson } from './arguments-json.ts';
import { responsesToolsArgumentsValid } from './arguments-valid.ts';
import { responsesToolsCallSchema } from './call-schema.ts';
import { responsesToolsChoiceHonoured } from './choice-honoured.ts';
import { responsesToolsFormatJson } from './format-json.ts';
import { responsesToolsFormatSchema } from './format-schema.ts';
import { responsesToolsOutputUsed } from './output-used.ts';
import { responsesToolsStreamArguments } from './stream-arguments.ts';

export const responsesToolsChecks: Check[] = [
  responsesToolsCallSchema,
  responsesToolsArgumentsJson,
  responsesToolsArgumentsValid,
  responsesToolsChoiceHonoured,
  responsesToolsStreamArguments,
  responsesToolsOutputUsed,
  responsesToolsFormatJson,
  responsesToolsFormatSchema,
];
