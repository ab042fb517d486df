// encoding_format "base64" must come back as base64 strings. The official SDKs ask for it by
// default (openai-node since openai/openai-node#1312, openai-python too); Ollama before 0.12.7
// ignored it and sent floats (S17).
import type { Check } from '../../types.ts';
import { withBody } from '../chat/body.ts';
import { fail, pass, skip } from '../verdict.ts';
import { itemVectors, requestedEncoding } from './vectors.ts';

export const embeddingsBase64Honoured: Check = {
  id: 'embeddings.base64-honoured',
  capability: 'embeddings',
  level: 'SHOULD',
  title: 'encoding_format "base64" is answered with base64 strings',
  spec: 'OpenAPI CreateEmbeddingRequest.encoding_format; docs/deviations.md#s17',
  kind: 'protocol',
  consequence:
    'The official SDKs still get the right vectors: openai-node (which sends encoding_format "base64" whenever the caller names none) leaves items that are already arrays alone, and openai-python decodes only strings. Clients that decode blindly corrupt them (LocalAI read a float array as base64 and got a quarter of the values; Flowise stored zero vectors), and the answer is about four times larger.',
  evidence:
    'openai-node createEmbedding: "if (Array.isArray(embedding)) continue" (node_modules/openai/src/lib/embeddings.ts); openai-python lib/_parsing/_embeddings.py; mudler/LocalAI#9135, FlowiseAI/Flowise#6197 (docs/deviations.md#s17)',
  run: (input) => {
    if (requestedEncoding(input) !== 'base64') return skip('the request did not ask for base64');
    return withBody(input, (body) => {
      const items = itemVectors(body);
      if (items.length === 0) return skip('the answer holds no embeddings (see embeddings.schema)');
      const floats = items.find((i) => i.encoding !== 'base64');
      if (!floats) return pass();
      return fail('encoding_format "base64" was ignored: the server sent float arrays. The openai SDKs pass them through unchanged; clients that decode blindly corrupt them', {
        expected: 'data[].embedding as a base64 string',
        received: `data[${floats.at}].embedding as ${floats.encoding === 'float' ? 'an array of numbers' : 'neither'}`,
        pointer: `/data/${floats.at}/embedding`,
      });
    });
  },
};
