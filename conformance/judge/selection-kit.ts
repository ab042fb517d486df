// Pieces every selector needs: the checks an error answer is held to, and a way to report a
// check that cannot be judged on this recording as a skip with the reason, instead of dropping it.
import { errorsContentType } from '../checks/errors/content-type.ts';
import { errorsEnvelopeFields } from '../checks/errors/envelope-fields.ts';
import { errorsEnvelope } from '../checks/errors/envelope.ts';
import { errorsTypeKnown } from '../checks/errors/type-known.ts';
import type { Check } from '../types.ts';
import type { ExchangeView } from './selector.ts';

/**
 * An error answer is judged by its envelope: what every client parses. errors.status-4xx is left
 * out: it assumes the request was a client mistake, which only a scenario that sent one knows.
 */
export const ERROR_ANSWER_CHECKS: Check[] = [errorsEnvelope, errorsEnvelopeFields, errorsContentType, errorsTypeKnown];

export function isErrorAnswer(view: ExchangeView): boolean {
  return view.status >= 400;
}

export const NO_REQUEST = 'the recording kept the answer but not the request, so how the answer relates to the request cannot be judged';

/** The check as a skip with `reason`: shown in the reports, never run. */
export function withheld(check: Check, reason: string): Check {
  return { ...check, run: () => ({ status: 'skip', message: reason }) };
}

/** Relation checks need the request; on a recording without one they are withheld. */
export function needingRequest(view: ExchangeView, checks: Check[]): Check[] {
  return view.requestKnown ? checks : checks.map((c) => withheld(c, NO_REQUEST));
}
