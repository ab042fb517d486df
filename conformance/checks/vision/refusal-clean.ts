// A model that cannot see images says so in the error envelope clients parse: a 4xx with
// {"error":{"message":…}}, not a 500 (llama.cpp without --mmproj) or a string (LM Studio, S23).
import type { Check } from '../../types.ts';
import { bodyJson, is2xx, isRecord } from '../chat/body.ts';
import { fail, pass, show } from '../verdict.ts';

export const visionRefusalClean: Check = {
  id: 'vision.refusal-clean',
  capability: 'vision',
  level: 'SHOULD',
  title: 'An image sent to the chat model is answered, or refused with a 4xx error envelope',
  spec: 'OpenAPI ErrorResponse; docs/deviations.md#s23',
  kind: 'protocol',
  consequence:
    'The application cannot tell "this model takes no images" from an outage: a 500 makes openai-node and openai-python retry twice before raising InternalServerError, and a string error body loses the message (the AI SDK and openai-node show only the status).',
  evidence:
    'openai-node shouldRetry and APIError.makeMessage (node_modules/openai/src/client.ts, src/core/error.ts); llama.cpp 500 "image input is not supported - hint: … provide the mmproj"; LM Studio {"error":"\'url\' field must be a base64 encoded image."} (docs/deviations.md#s23)',
  run({ exchange }) {
    if (exchange.status === undefined) return { status: 'error', message: `no response arrived: ${exchange.transportError?.message ?? 'transport failure'}` };
    if (is2xx(exchange)) return pass('the chat model accepts images');
    const body = bodyJson(exchange);
    const message = isRecord(body) && isRecord(body.error) ? body.error.message : undefined;
    if (exchange.status >= 400 && exchange.status < 500 && typeof message === 'string') return pass(`the chat model refuses images cleanly: ${message}`);
    const why =
      exchange.status >= 500
        ? `a server error (HTTP ${exchange.status}): the SDKs retry it twice, then raise InternalServerError instead of saying the model takes no images`
        : `HTTP ${exchange.status} whose body is not the {"error":{"message":…}} envelope${isRecord(body) && typeof body.error === 'string' ? ' (a string error)' : ''}: clients lose the server's message`;
    return fail(`the image was refused with ${why}`, {
      expected: '200, or 4xx {"error":{"message":…}}',
      received: `HTTP ${exchange.status}: ${show(exchange.bodyText, 160)}`,
    });
  },
};
