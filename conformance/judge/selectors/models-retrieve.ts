// GET /models/{id}: the retrieved model's status and schema, and its id against the id in the
// path (percent-decoded: openai-node sends "/" as %2F).
import { modelsRetrieveOk } from '../../checks/models/retrieve-ok.ts';
import { modelsRetrieveSchema } from '../../checks/models/retrieve-schema.ts';
import type { Selector } from '../selector.ts';
import { ERROR_ANSWER_CHECKS, isErrorAnswer } from '../selection-kit.ts';

export const modelsRetrieveSelector: Selector = {
  endpoint: 'GET /models/{model}',
  method: 'GET',
  path: /\/models\/[^?#]+$/,
  select: (view) => (isErrorAnswer(view) ? ERROR_ANSWER_CHECKS : [modelsRetrieveOk, modelsRetrieveSchema]),
};
