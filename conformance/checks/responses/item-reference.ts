// {"type":"item_reference","id":…} stands for an item the server stored: the Vercel AI SDK sends
// earlier assistant messages this way by default (store: true).
import type { Check } from '../../types.ts';
import { recallVerdict } from './recall.ts';

export const responsesItemReference: Check = {
  id: 'responses.item-reference',
  capability: 'responses',
  level: 'MUST',
  kind: 'behaviour',
  title: 'An item_reference input item is resolved, or refused',
  spec: 'OpenAPI ItemReferenceParam (InputItem); docs/deviations.md#s09',
  consequence:
    'the Vercel AI SDK (store defaults to true) replays every earlier assistant message as an item_reference: a server that drops them silently breaks every AI SDK conversation after its first turn',
  evidence: '@ai-sdk/openai src/responses/convert-to-openai-responses-input.ts (store && id → {type: "item_reference", id})',
  run: (input) =>
    recallVerdict(input, 'the item_reference', 'The Vercel AI SDK sends earlier assistant turns as item references by default, so its conversations lose their history here.'),
};
