// Error handling keyed on `type` (auth, rate limits, bad requests) misfires on server-specific
// values such as Ollama's not_found_error or vLLM's BadRequestError (F19).
import type { Check } from '../../types.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { errorObject, withErrorBody } from './error-body.ts';

/**
 * error.type values observed from OpenAI; `tokens` and `requests` are what its 429s carry for
 * per-minute limits. Ollama's not_found_error / api_error are deliberately absent.
 */
export const OPENAI_ERROR_TYPES = [
  'invalid_request_error',
  'authentication_error',
  'permission_error',
  'rate_limit_error',
  'insufficient_quota',
  'server_error',
  'tokens',
  'requests',
] as const;

export const errorsTypeKnown: Check = {
  id: 'errors.type-known',
  capability: 'errors',
  level: 'SHOULD',
  title: "error.type is one of OpenAI's error types",
  spec: 'OpenAI observed error types; docs/deviations.md#f19',
  kind: 'protocol',
  consequence:
    'Handling keyed on error.type (authentication, rate limits, invalid requests, context overflow) misfires on values such as not_found_error, api_error or BadRequestError.',
  evidence:
    'openai-node APIError.type (node_modules/openai/src/core/error.ts); Ollama, llama.cpp and vLLM error types (docs/deviations.md#f19)',
  run: (input) =>
    withErrorBody(input, (body) => {
      const type = errorObject(body)?.type;
      if (typeof type !== 'string') return skip('error.type is missing (see errors.envelope-fields)');
      if ((OPENAI_ERROR_TYPES as readonly string[]).includes(type)) return pass();
      return fail(`error.type ${show(type)} is not one OpenAI sends; clients switching on type miss it`, {
        expected: `one of ${OPENAI_ERROR_TYPES.join(', ')}`,
        received: show(type),
        pointer: '/error/type',
      });
    }),
};
