// The reasoning checks: where a reasoning model's thoughts travel and who sees them.
import type { Check } from '../../types.ts';
import { reasoningField } from './field.ts';
import { reasoningPresent } from './present.ts';
import { reasoningSeparate } from './separate.ts';
import { reasoningUsageTokens } from './usage-tokens.ts';

export const reasoningChecks: Check[] = [reasoningSeparate, reasoningField, reasoningPresent, reasoningUsageTokens];
