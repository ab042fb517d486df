// A server that keeps no conversation state may refuse previous_response_id and item_reference,
// but the refusal must say so: a 4xx error envelope naming what it refuses. (A refusal that names
// it makes the scenario skip before this check runs.)
import type { Check } from '../../types.ts';
import { bodyJson } from '../chat/body.ts';
import { isRecord } from '../streaming/parse-stream.ts';
import { fail, pass, show, skip } from '../verdict.ts';

export const responsesStateRefusal: Check = {
  id: 'responses.state-refusal',
  capability: 'responses',
  level: 'SHOULD',
  kind: 'protocol',
  title: 'A refused conversation reference is a 4xx error naming previous_response_id or item_reference',
  spec: 'OpenAPI Error (param); OpenAI\'s previous_response_not_found error; docs/deviations.md#s09',
  consequence:
    'the app gets an error that does not say the server keeps no state ("Response with id … not found" for a response it created a second ago, "Cannot determine type of \'item\'"), so nobody knows to resend the history or set the AI SDK\'s store: false',
  evidence: 'vllm entrypoints/openai/responses/serving.py (404 without VLLM_ENABLE_RESPONSES_API_STORE); llama.cpp server-chat.cpp server_chat_convert_responses_to_chatcmpl',
  run: ({ exchange, previous, request }) => {
    if (!previous) return skip('the first turn gave no response to continue from');
    const status = exchange.status ?? 0;
    if (status >= 200 && status < 300) return skip('the second turn was not refused');
    const named = request?.previous_response_id !== undefined ? 'previous_response_id' : 'item_reference';
    const error = (bodyJson(exchange) as { error?: unknown } | undefined)?.error;
    const text = isRecord(error) ? `${error.param ?? ''} ${error.message ?? ''}` : '';
    if (status >= 400 && status < 500 && text.includes(named)) return pass();
    return fail(`the server refused the second turn with HTTP ${status} without naming ${named}`, {
      expected: `a 4xx error envelope whose param or message names ${named}`,
      received: `HTTP ${status}: ${show(exchange.bodyText.slice(0, 200))}`,
      pointer: isRecord(error) ? '/error' : '/',
    });
  },
};
