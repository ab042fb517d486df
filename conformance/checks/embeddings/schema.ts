// The list of embeddings must have the shape clients read: data[] of {index, object, embedding}.
import type { Check } from '../../types.ts';
import { schemaVerdict, withBody } from '../chat/body.ts';

export const embeddingsSchema: Check = {
  id: 'embeddings.schema',
  capability: 'embeddings',
  level: 'MUST',
  title: 'The answer matches the CreateEmbeddingResponse schema',
  spec: 'OpenAPI CreateEmbeddingResponse, Embedding',
  kind: 'protocol',
  consequence:
    'openai-node throws "Expected embeddings response data to be an array" when data is not one (default base64 requests); the Vercel AI SDK validates data[].embedding as number[] with zod and throws a TypeValidationError; code reading data[i].embedding gets undefined.',
  evidence:
    'openai-node createEmbedding (node_modules/openai/src/lib/embeddings.ts); @ai-sdk/openai openaiTextEmbeddingResponseSchema (node_modules/@ai-sdk/openai/src/embedding/openai-embedding-api.ts)',
  run: (input) => withBody(input, (body) => schemaVerdict('embedding-list', body, 'the embeddings answer')),
};
