// A plain chat completion must succeed with JSON; everything else in the suite builds on it.
import type { Check } from '../../types.ts';
import { isJsonContentType } from './body.ts';
import { fail, pass, show } from '../verdict.ts';

export const chatStatusOk: Check = {
  id: 'chat.status-ok',
  capability: 'chat',
  level: 'MUST',
  title: 'POST /chat/completions answers 200 with a JSON content type',
  spec: 'OpenAPI createChatCompletion (200 application/json)',
  kind: 'protocol',
  run({ exchange }) {
    if (exchange.status !== 200) {
      return fail(`the chat completion answered HTTP ${exchange.status} instead of a completion`, {
        expected: 'HTTP 200',
        received: `HTTP ${exchange.status}: ${show(exchange.bodyText, 160)}`,
      });
    }
    if (!isJsonContentType(exchange.headers)) {
      return fail('the chat completion did not declare a JSON content type', {
        expected: 'content-type: application/json',
        received: `content-type: ${exchange.headers['content-type'] ?? '(none)'}`,
      });
    }
    return pass();
  },
};
