// The streaming checks. streamInvariantChecks hold for any stream whatever was requested, so the
// registry applies them to every streamed exchange; the usage checks skip themselves when the
// request's include_usage says they do not apply.
import type { Check } from '../../types.ts';
import { streamingChunkSchema } from './chunk-schema.ts';
import { streamingChunkSchemaStrict } from './chunk-schema-strict.ts';
import { streamingContentType } from './content-type.ts';
import { streamingCreatedStable } from './created-stable.ts';
import { streamingDataJson } from './data-json.ts';
import { streamingDoneTerminator } from './done-terminator.ts';
import { streamingEmptyChoices } from './empty-choices.ts';
import { streamingErrorEvent } from './error-event.ts';
import { streamingFinishReason } from './finish-reason.ts';
import { streamingIdStable } from './id-stable.ts';
import { streamingIncremental } from './incremental.ts';
import { streamingNoCumulativeDeltas } from './no-cumulative-deltas.ts';
import { streamingRoleOnce } from './role-once.ts';
import { streamingSseHazards } from './sse-hazards.ts';
import { streamingStatusOk } from './status-ok.ts';
import { streamingUsageChunk } from './usage-chunk.ts';
import { streamingUsageNullElsewhere } from './usage-null-elsewhere.ts';
import { streamingUsageUnrequested } from './usage-unrequested.ts';

export const streamInvariantChecks: Check[] = [
  streamingStatusOk,
  streamingContentType,
  streamingDataJson,
  streamingChunkSchema,
  streamingChunkSchemaStrict,
  streamingDoneTerminator,
  streamingIdStable,
  streamingCreatedStable,
  streamingRoleOnce,
  streamingFinishReason,
  streamingUsageUnrequested,
  streamingUsageChunk,
  streamingUsageNullElsewhere,
  streamingEmptyChoices,
  streamingErrorEvent,
  streamingNoCumulativeDeltas,
  streamingSseHazards,
];

export const streamingChecks: Check[] = [...streamInvariantChecks, streamingIncremental];
