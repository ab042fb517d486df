// stream_options with stream:false. OpenAI itself rejects it with a 400 naming the parameter
// ("The 'stream_options' parameter is only allowed when 'stream' is enabled."), so ignoring it
// and rejecting it cleanly are both right; what hurts a client is a 5xx (retried in vain) or a
// rejection that does not say which parameter to drop.
import type { Check } from '../../types.ts';
import { bodyJson, is2xx, isRecord } from './body.ts';
import { fail, pass, show } from '../verdict.ts';

const EXPECTED = 'a 2xx completion (stream_options ignored), or a 4xx error whose param or message names stream_options, as OpenAI answers';

export const chatStreamOptionsTolerated: Check = {
  id: 'chat.stream-options-tolerated',
  capability: 'chat',
  level: 'SHOULD',
  title: 'stream_options with stream:false is ignored, or rejected with a 4xx naming it',
  spec: 'OpenAPI ChatCompletionStreamOptions ("only set this when you set stream: true"); docs/deviations.md#f40',
  kind: 'protocol',
  consequence:
    'A 5xx makes openai-node and openai-python retry a request that can never succeed (two retries by default), then raise InternalServerError; a 4xx that does not name stream_options leaves the caller unable to tell which parameter to drop. Rejecting it with a 4xx that names it is what OpenAI does.',
  evidence:
    'openai-node OpenAI.shouldRetry (node_modules/openai/src/client.ts: status >= 500 is retried); api.openai.com answers 400 "The \'stream_options\' parameter is only allowed when \'stream\' is enabled." with param stream_options (docs/deviations.md#f40)',
  run({ exchange }) {
    if (is2xx(exchange)) return pass('stream_options was ignored');
    const status = exchange.status ?? 0;
    const received = `HTTP ${status}: ${show(exchange.bodyText, 160)}`;
    if (status >= 500) {
      return fail(`stream_options with stream:false was answered HTTP ${status}; clients retry a request that can never succeed`, { expected: EXPECTED, received });
    }
    if (status >= 400 && namesStreamOptions(bodyJson(exchange))) return pass(`rejected with HTTP ${status} naming stream_options, as OpenAI does`);
    return fail(`stream_options with stream:false was answered HTTP ${status} without naming the parameter; the caller cannot tell what to drop`, {
      expected: EXPECTED,
      received,
    });
  },
};

/** The error envelope's param or message names the parameter (vLLM writes "Stream options"). */
function namesStreamOptions(body: unknown): boolean {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  if (!error) return false;
  const text = `${typeof error.param === 'string' ? error.param : ''} ${typeof error.message === 'string' ? error.message : ''}`;
  return /stream[_ ]options/i.test(text);
}
