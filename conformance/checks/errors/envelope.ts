// Clients read `error.message`; a flat body (F16) or a string `error` (F17) leaves them with
// nothing to show, or crashes them.
import type { Check } from '../../types.ts';
import { isRecord } from '../chat/body.ts';
import { fail, pass, show } from '../verdict.ts';
import { withErrorBody } from './error-body.ts';

export const errorsEnvelope: Check = {
  id: 'errors.envelope',
  capability: 'errors',
  level: 'MUST',
  title: 'The error body is {"error": {...}} with a string message',
  spec: 'OpenAPI ErrorResponse; wire-facts F16, F17',
  kind: 'protocol',
  run: (input) =>
    withErrorBody(input, (body) => {
      if (!isRecord(body)) {
        return fail('the error body is not a JSON object', {
          expected: '{"error":{"message":…}}',
          received: show(input.exchange.bodyText, 160),
        });
      }
      if (!isRecord(body.error)) {
        const flat = body.error === undefined && 'message' in body;
        return fail(flat ? 'the error is flat, not wrapped in "error"' : 'the "error" member is not an object', {
          expected: '{"error":{"message":…}}',
          received: show(body, 160),
          pointer: '/error',
        });
      }
      if (typeof body.error.message !== 'string') {
        return fail('error.message is not a string', {
          expected: 'a string message',
          received: show(body.error.message),
          pointer: '/error/message',
        });
      }
      return pass();
    }),
};
