// One vector per input, in input order, each marked with its input's position: clients pair
// data[i] with input[i] without looking at the index.
import type { Check } from '../../types.ts';
import { withBody } from '../chat/body.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { inputCount, itemVectors } from './vectors.ts';

export const embeddingsOrder: Check = {
  id: 'embeddings.order',
  capability: 'embeddings',
  level: 'MUST',
  title: 'One embedding per input, in input order: data[i].index is i',
  spec: 'OpenAPI Embedding.index ("the index of the embedding in the list of embeddings")',
  kind: 'protocol',
  consequence:
    'Silent data corruption: the Vercel AI SDK\'s embedMany() and LangChain take data[] in array order, so a reordered, missing or extra vector is stored against the wrong document and every later search returns the wrong passages.',
  evidence:
    '@ai-sdk/openai OpenAIEmbeddingModel.doEmbed: response.data.map(item => item.embedding) (node_modules/@ai-sdk/openai/src/embedding/openai-embedding-model.ts); emulator quirk embeddings-order-reversed (conformance/test/mutation.test.ts)',
  run: (input) =>
    withBody(input, (body) => {
      if (!Array.isArray(body.data)) return skip('data is not an array (see embeddings.schema)');
      const items = itemVectors(body);
      const expected = inputCount(input.request);
      if (expected !== undefined && items.length !== expected) {
        return fail(`${expected} input(s) were sent but ${items.length} embedding(s) came back`, {
          expected: `${expected} items in data`,
          received: `${items.length} items`,
          pointer: '/data',
        });
      }
      const wrong = items.find((item) => item.index !== item.at);
      if (wrong) {
        return fail(`data[${wrong.at}] has index ${show(wrong.index)}: the embeddings are not in input order, and clients that pair data[i] with input[i] (the AI SDK, LangChain) store them against the wrong texts`, {
          expected: `data[${wrong.at}].index ${wrong.at}`,
          received: `indices ${show(items.map((i) => i.index))}`,
          pointer: `/data/${wrong.at}/index`,
        });
      }
      return pass();
    }),
};
