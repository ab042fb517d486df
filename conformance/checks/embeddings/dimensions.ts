// `dimensions` must shorten the vectors to the requested length, or be refused with a clean 400
// (which makes the scenario skip); llama.cpp and Ollama before 0.11.11 ignore it (S18).
import type { Check } from '../../types.ts';
import { withBody } from '../chat/body.ts';
import { fail, pass, skip } from '../verdict.ts';
import { itemVectors } from './vectors.ts';

export const embeddingsDimensions: Check = {
  id: 'embeddings.dimensions',
  capability: 'embeddings',
  level: 'MUST',
  title: 'dimensions: N returns vectors of N values (or is refused cleanly)',
  spec: 'OpenAPI CreateEmbeddingRequest.dimensions; docs/deviations.md#s18',
  kind: 'protocol',
  consequence:
    'Silent data corruption: the SDKs return whatever length came back, so an application that sized its vector index by `dimensions` fails on insert (pgvector, Qdrant: dimension mismatch) or, with a flexible store, mixes lengths and compares vectors that do not match.',
  evidence:
    'OpenAPI CreateEmbeddingRequest.dimensions; llama.cpp handle_embeddings_impl reads no dimensions; ollama/ollama#12242 (added in 0.11.11) (docs/deviations.md#s18)',
  run: (input) => {
    const wanted = input.request?.dimensions;
    if (!Number.isInteger(wanted)) return skip('the request did not ask for dimensions');
    return withBody(input, (body) => {
      const item = itemVectors(body).find((i) => i.vector);
      if (!item) return skip('no readable vector (see embeddings.vectors)');
      if (item.vector!.length === wanted) return pass();
      return fail(`dimensions ${wanted} was ignored: the vector has ${item.vector!.length} values, which an index sized for ${wanted} refuses`, {
        expected: `${wanted} values`,
        received: `${item.vector!.length} values`,
        pointer: `/data/${item.at}/embedding`,
      });
    });
  },
};
