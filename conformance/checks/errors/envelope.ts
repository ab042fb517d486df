// Clients read `error.message`; a flat body (F16) or a string `error` (F17) leaves them without
// the server's message.
import type { Check } from '../../types.ts';
import { isRecord } from '../chat/body.ts';
import { fail, pass, show } from '../verdict.ts';
import { withErrorBody } from './error-body.ts';

export const errorsEnvelope: Check = {
  id: 'errors.envelope',
  capability: 'errors',
  level: 'SHOULD',
  title: 'The error body is {"error": {...}} with a string message',
  spec: 'OpenAPI ErrorResponse; docs/deviations.md#f16, #f17',
  kind: 'protocol',
  consequence:
    'The client still raises by status, but loses the server\'s message: with a flat body openai-node reports "400 status code (no body)", and the AI SDK falls back to the status text when error is not an object with a message.',
  evidence:
    'openai-node APIError.generate/makeMessage (node_modules/openai/src/core/error.ts); vllm-project/vllm#12886, lmstudio-ai/lmstudio-bug-tracker#189 (docs/deviations.md#f16, #f17)',
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
