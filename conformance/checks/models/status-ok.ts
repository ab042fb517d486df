// GET /models must answer 200 with JSON, or clients cannot even discover what to call.
import type { Check } from '../../types.ts';
import { isJsonContentType } from '../chat/body.ts';
import { fail, pass, show } from '../verdict.ts';

export const modelsStatusOk: Check = {
  id: 'models.status-ok',
  capability: 'models',
  level: 'MUST',
  title: 'GET /models answers 200 with a JSON content type',
  spec: 'OpenAPI listModels (200 application/json)',
  kind: 'protocol',
  run({ exchange }) {
    if (exchange.status !== 200) {
      return fail(`GET /models answered HTTP ${exchange.status}; clients listing models get an error`, {
        expected: 'HTTP 200',
        received: `HTTP ${exchange.status}: ${show(exchange.bodyText, 120)}`,
      });
    }
    if (!isJsonContentType(exchange.headers)) {
      return fail('GET /models did not declare a JSON content type', {
        expected: 'content-type: application/json',
        received: `content-type: ${exchange.headers['content-type'] ?? '(none)'}`,
      });
    }
    return pass();
  },
};
