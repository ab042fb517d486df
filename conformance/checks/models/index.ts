// The /v1/models checks.
import type { Check } from '../../types.ts';
import { modelsListsModel } from './lists-model.ts';
import { modelsSchema } from './schema.ts';
import { modelsStatusOk } from './status-ok.ts';

export const modelsChecks: Check[] = [modelsStatusOk, modelsSchema, modelsListsModel];
