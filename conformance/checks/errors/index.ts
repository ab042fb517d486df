// The error-answer checks.
import type { Check } from '../../types.ts';
import { errorsContentType } from './content-type.ts';
import { errorsEnvelopeFields } from './envelope-fields.ts';
import { errorsEnvelope } from './envelope.ts';
import { errorsStatus4xx } from './status-4xx.ts';
import { errorsTypeKnown } from './type-known.ts';
import { errorsUnknownModel404 } from './unknown-model-404.ts';

/** The checks every errors.* scenario is held to. */
export const errorAnswerChecks: Check[] = [
  errorsStatus4xx,
  errorsEnvelope,
  errorsEnvelopeFields,
  errorsContentType,
  errorsTypeKnown,
];

export const errorsChecks: Check[] = [...errorAnswerChecks, errorsUnknownModel404];
