// A client mistake must be a 4xx: openai-python retries 5xx (F20), and a 200 stream carrying
// the error hides it from status-based handling (F15).
import type { Check } from '../../types.ts';
import { fail, pass, show, skip } from '../verdict.ts';

const UNKNOWN_MODEL_SCENARIO = 'errors.unknown-model';

export const errorsStatus4xx: Check = {
  id: 'errors.status-4xx',
  capability: 'errors',
  level: 'SHOULD',
  title: 'A client mistake is answered with a 4xx status',
  spec: 'OpenAI error handling (400/404 for client errors); docs/deviations.md#f15, #f20',
  kind: 'protocol',
  consequence:
    'A 5xx for a client mistake makes openai-node and openai-python retry it twice in vain before raising InternalServerError (not BadRequestError), and proxies fail over pointlessly; a 200 stream carrying the error bypasses status-based handling.',
  evidence:
    'openai-node OpenAI.shouldRetry (node_modules/openai/src/client.ts: status >= 500 is retried); ggml-org/llama.cpp#23463, #14566 (docs/deviations.md#f20, #f15)',
  run({ exchange, scenario }) {
    const status = exchange.status;
    if (status === undefined) return skip('no response arrived');
    if (status >= 400 && status < 500) return pass();
    // serving any model name is a documented choice (single-model llama.cpp), not a broken request path
    if (scenario === UNKNOWN_MODEL_SCENARIO && status < 300) return skip('an unknown model was served: judged by errors.unknown-model-404');
    const why =
      status >= 500
        ? 'a server error status makes clients retry a request that can never succeed'
        : exchange.sse
          ? 'an invalid stream request got 200 + SSE, so the error never reaches status-based handling'
          : 'an invalid request was accepted as if it were valid';
    return fail(`HTTP ${status} for an invalid request: ${why}`, {
      expected: 'HTTP 4xx (400 for a malformed body or invalid parameter)',
      received: `HTTP ${status}: ${show(exchange.bodyText, 160)}`,
    });
  },
};
