// An error answer declares a JSON content type. The official clients parse the body whatever it
// declares, so this is advice for clients that dispatch on the content type.
import type { Check } from '../../types.ts';
import { is2xx, isJsonContentType } from '../chat/body.ts';
import { fail, pass, skip } from '../verdict.ts';

export const errorsContentType: Check = {
  id: 'errors.content-type',
  capability: 'errors',
  level: 'MAY',
  title: 'The error answer declares a JSON content type',
  spec: 'OpenAI error responses (application/json)',
  kind: 'protocol',
  consequence:
    'No official client depends on it: openai-node and openai-python read the error body as text and parse it as JSON whatever its content type; only clients that dispatch on the content type lose the fields.',
  evidence:
    'openai-node makeRequest (node_modules/openai/src/client.ts: response.text() then safeJSON)',
  run({ exchange }) {
    if (exchange.status === undefined || is2xx(exchange)) return skip('no error answer to judge');
    if (isJsonContentType(exchange.headers)) return pass();
    return fail('the error answer is not declared as JSON', {
      expected: 'content-type: application/json',
      received: `content-type: ${exchange.headers['content-type'] ?? '(none)'}`,
    });
  },
};
