// A valid embeddings request must succeed with JSON: every RAG pipeline calls it first.
import type { Check } from '../../types.ts';
import { okJsonVerdict } from '../chat/body.ts';

export const embeddingsStatusOk: Check = {
  id: 'embeddings.status-ok',
  capability: 'embeddings',
  level: 'MUST',
  title: 'POST /embeddings answers 200 with a JSON content type',
  spec: 'OpenAPI createEmbedding (200 application/json)',
  kind: 'protocol',
  consequence:
    'openai-node and openai-python raise APIError for a valid request answered non-2xx, and the Vercel AI SDK\'s embed()/embedMany() throw an APICallError: nothing gets indexed.',
  evidence:
    'openai-node APIError.generate (node_modules/openai/src/core/error.ts); @ai-sdk/openai OpenAIEmbeddingModel.doEmbed (node_modules/@ai-sdk/openai/src/embedding/openai-embedding-model.ts)',
  run({ exchange }) {
    return okJsonVerdict(exchange, 'the embeddings request', 'clients get an error instead of vectors');
  },
};
