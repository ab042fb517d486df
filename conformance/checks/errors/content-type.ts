// Clients decide whether to parse an error body by its content type.
import type { Check } from '../../types.ts';
import { is2xx, isJsonContentType } from '../chat/body.ts';
import { fail, pass, skip } from '../verdict.ts';

export const errorsContentType: Check = {
  id: 'errors.content-type',
  capability: 'errors',
  level: 'SHOULD',
  title: 'The error answer declares a JSON content type',
  spec: 'OpenAI error responses (application/json)',
  kind: 'protocol',
  run({ exchange }) {
    if (exchange.status === undefined || is2xx(exchange)) return skip('no error answer to judge');
    if (isJsonContentType(exchange.headers)) return pass();
    return fail('the error answer is not declared as JSON', {
      expected: 'content-type: application/json',
      received: `content-type: ${exchange.headers['content-type'] ?? '(none)'}`,
    });
  },
};
