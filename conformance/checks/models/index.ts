// The /v1/models checks.
import type { Check } from '../../types.ts';
import { modelsListsModel } from './lists-model.ts';
import { modelsRetrieveId } from './retrieve-id.ts';
import { modelsRetrieveOk } from './retrieve-ok.ts';
import { modelsRetrieveSchema } from './retrieve-schema.ts';
import { modelsSchema } from './schema.ts';
import { modelsStatusOk } from './status-ok.ts';

export const modelsChecks: Check[] = [modelsStatusOk, modelsSchema, modelsListsModel];

/** GET /models/{id}, under the same capability */
export const modelsRetrieveChecks: Check[] = [modelsRetrieveOk, modelsRetrieveSchema, modelsRetrieveId];
