// The Responses checks. responsesBodyChecks hold for every non-stream answer of POST /responses
// and responsesStreamChecks for every stream, whatever the scenario; the registry applies them.
import type { Check } from '../../types.ts';
import { responsesIncompleteStatus } from './incomplete-status.ts';
import { responsesInvalidInputError } from './invalid-input-error.ts';
import { responsesInstructionsHonoured } from './instructions-honoured.ts';
import { responsesItemReference } from './item-reference.ts';
import { responsesOutputText } from './output-text.ts';
import { responsesPreviousResponseId } from './previous-response-id.ts';
import { responsesSchema } from './schema.ts';
import { responsesSpecKeys } from './spec-keys.ts';
import { responsesStateRefusal } from './state-refusal.ts';
import { responsesStatusOk } from './status-ok.ts';
import { responsesStreamCreatedFirst } from './stream-created-first.ts';
import { responsesStreamDoneSentinel } from './stream-done-sentinel.ts';
import { responsesStreamErrorEvent } from './stream-error-event.ts';
import { responsesStreamEventJson } from './stream-event-json.ts';
import { responsesStreamEventName } from './stream-event-name.ts';
import { responsesStreamFinalOutput } from './stream-final-output.ts';
import { responsesStreamIndices } from './stream-indices.ts';
import { responsesStreamItems } from './stream-items.ts';
import { responsesStreamLifecycle } from './stream-lifecycle.ts';
import { responsesStreamResponseSchema } from './stream-response-schema.ts';
import { responsesStreamSequenceOrder } from './stream-sequence-order.ts';
import { responsesStreamSequencePresent } from './stream-sequence-present.ts';
import { responsesStreamStatusOk } from './stream-status-ok.ts';
import { responsesStreamTerminal } from './stream-terminal.ts';
import { responsesStreamTerminalStatus } from './stream-terminal-status.ts';
import { responsesStreamText } from './stream-text.ts';
import { responsesUsage } from './usage.ts';
import { responsesUsageDetails } from './usage-details.ts';

export const responsesBodyChecks: Check[] = [responsesStatusOk, responsesSchema, responsesSpecKeys, responsesUsage, responsesUsageDetails];

export const responsesStreamChecks: Check[] = [
  responsesStreamStatusOk,
  responsesStreamEventJson,
  responsesStreamEventName,
  responsesStreamCreatedFirst,
  responsesStreamResponseSchema,
  responsesStreamSequencePresent,
  responsesStreamSequenceOrder,
  responsesStreamIndices,
  responsesStreamItems,
  responsesStreamLifecycle,
  responsesStreamText,
  responsesStreamFinalOutput,
  responsesStreamTerminal,
  responsesStreamTerminalStatus,
  responsesStreamDoneSentinel,
  responsesStreamErrorEvent,
  responsesSpecKeys,
  responsesUsage,
  responsesUsageDetails,
];

export const responsesChecks: Check[] = [
  ...responsesBodyChecks,
  ...responsesStreamChecks.filter((c) => !responsesBodyChecks.includes(c)),
  responsesOutputText,
  responsesInstructionsHonoured,
  responsesIncompleteStatus,
  responsesPreviousResponseId,
  responsesItemReference,
  responsesStateRefusal,
  responsesInvalidInputError,
];
