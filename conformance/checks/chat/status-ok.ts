// A plain chat completion must succeed with JSON; everything else in the suite builds on it.
import type { Check } from '../../types.ts';
import { okJsonVerdict } from './body.ts';

export const chatStatusOk: Check = {
  id: 'chat.status-ok',
  capability: 'chat',
  level: 'MUST',
  title: 'POST /chat/completions answers 200 with a JSON content type',
  spec: 'OpenAPI createChatCompletion (200 application/json)',
  kind: 'protocol',
  run({ exchange }) {
    return okJsonVerdict(exchange, 'the chat completion', 'clients get an error instead of a completion');
  },
};
