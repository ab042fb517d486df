// SDKs map 404 to NotFoundError; clients fall back to another model on it, not on a 400.
import type { Check } from '../../types.ts';
import { fail, pass, show, skip } from '../verdict.ts';

export const errorsUnknownModel404: Check = {
  id: 'errors.unknown-model-404',
  capability: 'errors',
  level: 'SHOULD',
  title: 'An unknown model is answered 404',
  spec: 'OpenAI observed 404 model_not_found; openai-node status mapping',
  kind: 'protocol',
  consequence:
    'openai-node and openai-python raise NotFoundError only for a 404; model-fallback logic keyed on it does not run for a 400, and a 200 serves another model silently.',
  evidence:
    'openai-node APIError.generate (node_modules/openai/src/core/error.ts: 404 → NotFoundError)',
  run({ exchange }) {
    if (exchange.status === undefined) return skip('no response arrived');
    if (exchange.status === 404) return pass();
    return fail(`an unknown model was answered HTTP ${exchange.status}, not 404`, {
      expected: 'HTTP 404 (code model_not_found)',
      received: `HTTP ${exchange.status}: ${show(exchange.bodyText, 160)}`,
    });
  },
};
