// The structured_outputs checks: valid JSON, then valid against the requested schema.
import type { Check } from '../../types.ts';
import { structuredOutputsSchemaValid } from './schema-valid.ts';
import { structuredOutputsValidJson } from './valid-json.ts';

export const structuredOutputsChecks: Check[] = [structuredOutputsValidJson, structuredOutputsSchemaValid];
