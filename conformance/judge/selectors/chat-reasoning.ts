// The reasoning checks on recorded chat traffic: applied only to answers that show reasoning
// (a reasoning field, <think> tags, reasoning tokens), so plain answers are not cluttered with
// skips; reasoning.present needs a declared reasoning model and stays with `dropin run`.
import { reasoningField } from '../../checks/reasoning/field.ts';
import { reasoningSeparate } from '../../checks/reasoning/separate.ts';
import { reasoned, reasoningSigns } from '../../checks/reasoning/signs.ts';
import { reasoningUsageTokens } from '../../checks/reasoning/usage-tokens.ts';
import type { Check } from '../../types.ts';
import type { ExchangeView } from '../selector.ts';

export function reasoningChecksFor(view: ExchangeView): Check[] {
  const signs = reasoningSigns(view.exchange);
  if (!signs || !reasoned(signs)) return [];
  return view.stream ? [reasoningSeparate, reasoningField] : [reasoningSeparate, reasoningField, reasoningUsageTokens];
}
