// A batch's vectors all have one length: a vector store has one dimension per collection.
import type { Check } from '../../types.ts';
import { withBody } from '../chat/body.ts';
import { fail, pass, skip } from '../verdict.ts';
import { itemVectors } from './vectors.ts';

export const embeddingsSameLength: Check = {
  id: 'embeddings.same-length',
  capability: 'embeddings',
  level: 'MUST',
  title: 'Every embedding of a batch has the same length',
  spec: 'OpenAPI Embedding.embedding ("the length of vector depends on the model")',
  kind: 'protocol',
  consequence:
    'Vectors of different lengths cannot share an index: inserting them into pgvector, Chroma or Qdrant fails with a dimension mismatch, and cosine similarity between them is undefined.',
  evidence: 'OpenAPI Embedding; pgvector "expected N dimensions, not M" on insert',
  run: (input) =>
    withBody(input, (body) => {
      const lengths = itemVectors(body).flatMap((i) => (i.vector ? [i.vector.length] : []));
      if (lengths.length < 2) return skip('fewer than two readable vectors to compare');
      const odd = lengths.findIndex((l) => l !== lengths[0]);
      if (odd === -1) return pass();
      return fail(`data[${odd}] has ${lengths[odd]} values where data[0] has ${lengths[0]}`, {
        expected: `${lengths[0]} values in every embedding`,
        received: `lengths ${lengths.join(', ')}`,
        pointer: `/data/${odd}/embedding`,
      });
    }),
};
