// Typed decoders need all four keys, with `code` a string identifier: integer codes (F18)
// break them and defeat dispatch on codes like model_not_found.
import type { Check } from '../../types.ts';
import { schemaVerdict } from '../chat/body.ts';
import { skip } from '../verdict.ts';
import { errorObject, withErrorBody } from './error-body.ts';

export const errorsEnvelopeFields: Check = {
  id: 'errors.envelope-fields',
  capability: 'errors',
  level: 'SHOULD',
  title: 'error has message, type, param (string|null) and code (string|null)',
  spec: 'OpenAPI Error; docs/deviations.md#f18',
  kind: 'protocol',
  consequence:
    'Code-based handling degrades: an integer code (400) never matches identifiers such as model_not_found or context_length_exceeded that clients switch on (openai-node exposes err.code as sent); a missing type leaves err.type undefined. A missing param or code is read as null.',
  evidence:
    'openai-node APIError constructor (node_modules/openai/src/core/error.ts: code, param, type copied as sent); llama.cpp format_error_response, vLLM ErrorInfo (docs/deviations.md#f18)',
  run: (input) =>
    withErrorBody(input, (body) => {
      if (!errorObject(body)) return skip('there is no error object to inspect (see errors.envelope)');
      return schemaVerdict('error', body, 'the error body');
    }),
};
