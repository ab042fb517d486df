// GET /models: the list's status and schema. models.lists-model is left out: it asks whether the
// model under test is listed, and recorded traffic has no model under test.
import { modelsSchema } from '../../checks/models/schema.ts';
import { modelsStatusOk } from '../../checks/models/status-ok.ts';
import type { Selector } from '../selector.ts';
import { ERROR_ANSWER_CHECKS, isErrorAnswer } from '../selection-kit.ts';

export const modelsSelector: Selector = {
  endpoint: 'GET /models',
  method: 'GET',
  path: /\/models$/,
  select: (view) => (isErrorAnswer(view) ? ERROR_ANSWER_CHECKS : [modelsStatusOk, modelsSchema]),
};
