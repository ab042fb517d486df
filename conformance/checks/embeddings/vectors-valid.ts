// Every vector must be usable for similarity search: numbers only, all finite, not all zero,
// and (for base64) bytes that decode to whole float32 values.
import type { Check } from '../../types.ts';
import { withBody } from '../chat/body.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { itemVectors, requestedEncoding } from './vectors.ts';

export const embeddingsVectorsValid: Check = {
  id: 'embeddings.vectors',
  capability: 'embeddings',
  level: 'MUST',
  title: 'Every embedding is a non-empty vector of finite numbers, not all zero',
  spec: 'OpenAPI Embedding.embedding (number[]; base64 of float32 with encoding_format base64)',
  kind: 'protocol',
  consequence:
    'Silent data corruption: a null, NaN or zero vector is stored in the vector database and ranks arbitrarily in every search (cosine similarity with a zero vector is undefined); base64 that is not whole float32 values makes openai-node throw a RangeError; a base64 string where floats were asked for reaches the AI SDK as a string and fails its schema.',
  evidence:
    'openai-node toFloat32Array (node_modules/openai/src/internal/utils/base64.ts); FlowiseAI/Flowise#6197 (zero vectors stored); emulator quirk embeddings-zero-vector (conformance/test/mutation.test.ts)',
  run: (input) =>
    withBody(input, (body) => {
      const items = itemVectors(body);
      if (items.length === 0) return skip('the answer holds no embeddings (see embeddings.schema, embeddings.order)');
      const float = requestedEncoding(input) === 'float';
      for (const item of items) {
        const pointer = `/data/${item.at}/embedding`;
        if (float && item.encoding === 'base64') {
          return fail('floats were asked for (encoding_format float) but the embedding is a string', { expected: 'an array of numbers', received: show(input.exchange.bodyText, 80), pointer });
        }
        if (!item.vector) return fail(`data[${item.at}]: ${item.problem}`, { expected: 'a vector of float32 values', received: item.problem ?? 'nothing', pointer });
        if (item.vector.length === 0) return fail(`data[${item.at}] is an empty vector`, { expected: 'at least one number', received: '[]', pointer });
        const bad = item.vector.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
        if (bad !== -1) {
          return fail(`data[${item.at}] holds ${show(item.vector[bad])} at position ${bad}: not a finite number`, { expected: 'finite numbers', received: show(item.vector[bad]), pointer: `${pointer}/${bad}` });
        }
        if (item.vector.every((v) => v === 0)) {
          return fail(`data[${item.at}] is all zeros: it matches every query equally (cosine similarity is undefined)`, { expected: 'a vector with a non-zero value', received: `${item.vector.length} zeros`, pointer });
        }
      }
      return pass();
    }),
};
