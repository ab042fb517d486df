// An empty string cannot be embedded: OpenAI refuses it with a 400 envelope. A server that embeds
// it hands back a vector of nothing that sits near everything in a search.
import type { Check } from '../../types.ts';
import { bodyJson, is2xx, isRecord } from '../chat/body.ts';
import { fail, pass, show } from '../verdict.ts';

export const embeddingsEmptyInputRefused: Check = {
  id: 'embeddings.empty-input-refused',
  capability: 'embeddings',
  level: 'SHOULD',
  title: 'An empty input is refused with a 4xx error envelope',
  spec: 'OpenAPI CreateEmbeddingRequest.input ("cannot be an empty string")',
  kind: 'protocol',
  consequence:
    'An ingestion bug goes unnoticed: a blank chunk from a PDF or a split is indexed as a real vector (a vector of nothing ranks near many queries) instead of raising BadRequestError in openai-node/openai-python where the pipeline can skip it; a 5xx makes the SDKs retry twice first.',
  evidence:
    'OpenAI answers 400 "\'$.input\' is invalid" (aryn-ai/sycamore#943, openai/openai-python#576); Ollama forwards "" to the model (middleware EmbeddingsMiddleware, read from the code); openai-node retries 5xx (node_modules/openai/src/client.ts shouldRetry)',
  run({ exchange }) {
    if (exchange.status === undefined) return { status: 'error', message: `no response arrived: ${exchange.transportError?.message ?? 'transport failure'}` };
    if (is2xx(exchange)) {
      return fail('the empty input was embedded instead of refused: a blank chunk of a document gets indexed as if it were text', { expected: 'a 4xx error envelope', received: `HTTP ${exchange.status}: ${show(exchange.bodyText, 120)}` });
    }
    const body = bodyJson(exchange);
    const clean = exchange.status >= 400 && exchange.status < 500 && isRecord(body) && isRecord(body.error) && typeof body.error.message === 'string';
    if (clean) return pass();
    return fail(`the empty input was refused with HTTP ${exchange.status} but not as a 4xx error envelope`, {
      expected: '4xx {"error":{"message":…}}',
      received: `HTTP ${exchange.status}: ${show(exchange.bodyText, 160)}`,
    });
  },
};
