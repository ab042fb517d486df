// GET /models/{id}: the retrieved model's status and schema. A 404 that does not say the model is
// unknown is a server without the route (S24), judged as `dropin run` judges it; a model-not-found
// answer is an error envelope like any other (the recording may have asked for a model that is
// not there).
import { modelsRetrieveOk } from '../../checks/models/retrieve-ok.ts';
import { modelsRetrieveSchema } from '../../checks/models/retrieve-schema.ts';
import { endpointMissingReason } from '../../run/unsupported.ts';
import type { Selector } from '../selector.ts';
import { ERROR_ANSWER_CHECKS, isErrorAnswer } from '../selection-kit.ts';

export const modelsRetrieveSelector: Selector = {
  endpoint: 'GET /models/{model}',
  method: 'GET',
  path: /\/models\/[^?#]+$/,
  select(view) {
    if (!isErrorAnswer(view)) return [modelsRetrieveOk, modelsRetrieveSchema];
    return endpointMissingReason(view.exchange) ? [modelsRetrieveOk] : ERROR_ANSWER_CHECKS;
  },
};
