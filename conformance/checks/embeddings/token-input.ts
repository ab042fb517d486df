// Token arrays are valid input: LangChain's OpenAIEmbeddings pre-tokenises with tiktoken and
// sends them by default. Ollama refuses them (S19).
import type { Check } from '../../types.ts';
import { fail, pass, show } from '../verdict.ts';

export const embeddingsTokenInput: Check = {
  id: 'embeddings.token-input',
  capability: 'embeddings',
  level: 'SHOULD',
  title: 'Input given as token arrays is embedded',
  spec: 'OpenAPI CreateEmbeddingRequest.input (array of integers, array of integer arrays); docs/deviations.md#s19',
  kind: 'protocol',
  consequence:
    'A common client fails: langchain-openai OpenAIEmbeddings splits and pre-tokenises inputs with tiktoken (check_embedding_ctx_length=True by default) and sends token arrays, so every embed_documents() call raises BadRequestError until the application sets check_embedding_ctx_length=False.',
  evidence:
    'langchain-openai OpenAIEmbeddings._get_len_safe_embeddings (tiktoken token ids as input); Ollama EmbeddingsMiddleware accepts strings only: 400 "invalid input type" (docs/deviations.md#s19)',
  run({ exchange }) {
    if (exchange.status === undefined) return { status: 'error', message: `no response arrived: ${exchange.transportError?.message ?? 'transport failure'}` };
    if (exchange.status === 200) return pass();
    return fail(`token-array input was answered HTTP ${exchange.status}; LangChain's OpenAIEmbeddings sends token arrays by default (set check_embedding_ctx_length=False for this server)`, {
      expected: 'HTTP 200 with one embedding',
      received: `HTTP ${exchange.status}: ${show(exchange.bodyText, 160)}`,
    });
  },
};
