// Typed decoders need all four keys, with `code` a string identifier: integer codes (F18)
// break them and defeat dispatch on codes like model_not_found.
import type { Check } from '../../types.ts';
import { schemaVerdict } from '../chat/body.ts';
import { skip } from '../verdict.ts';
import { errorObject, withErrorBody } from './error-body.ts';

export const errorsEnvelopeFields: Check = {
  id: 'errors.envelope-fields',
  capability: 'errors',
  level: 'MUST',
  title: 'error has message, type, param (string|null) and code (string|null)',
  spec: 'OpenAPI Error; wire-facts F18',
  kind: 'protocol',
  run: (input) =>
    withErrorBody(input, (body) => {
      if (!errorObject(body)) return skip('there is no error object to inspect (see errors.envelope)');
      return schemaVerdict('error', body, 'the error body');
    }),
};
