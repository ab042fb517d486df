// The json_mode checks.
import type { Check } from '../../types.ts';
import { jsonModeValidJson } from './valid-json.ts';

export const jsonModeChecks: Check[] = [jsonModeValidJson];
