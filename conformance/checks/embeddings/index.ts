// The embeddings checks. embeddingsAnswerChecks hold for every answer of POST /embeddings,
// whatever the scenario; the registry applies them.
import type { Check } from '../../types.ts';
import { embeddingsBase64Honoured } from './base64-honoured.ts';
import { embeddingsBase64Matches } from './base64-matches.ts';
import { embeddingsDimensions } from './dimensions.ts';
import { embeddingsEmptyInputRefused } from './empty-input-refused.ts';
import { embeddingsOrder } from './order.ts';
import { embeddingsSameLength } from './same-length.ts';
import { embeddingsSchema } from './schema.ts';
import { embeddingsStatusOk } from './status-ok.ts';
import { embeddingsTokenInput } from './token-input.ts';
import { embeddingsUsage } from './usage.ts';
import { embeddingsVectorsValid } from './vectors-valid.ts';

export const embeddingsAnswerChecks: Check[] = [embeddingsStatusOk, embeddingsSchema, embeddingsVectorsValid, embeddingsOrder];

export const embeddingsChecks: Check[] = [
  ...embeddingsAnswerChecks,
  embeddingsSameLength,
  embeddingsUsage,
  embeddingsBase64Honoured,
  embeddingsBase64Matches,
  embeddingsDimensions,
  embeddingsTokenInput,
  embeddingsEmptyInputRefused,
];
