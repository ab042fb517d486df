// Embeddings report the tokens they used: the only cost signal an embedding pipeline has.
import type { Check } from '../../types.ts';
import { isRecord, withBody } from '../chat/body.ts';
import { fail, pass, show } from '../verdict.ts';

export const embeddingsUsage: Check = {
  id: 'embeddings.usage',
  capability: 'embeddings',
  level: 'SHOULD',
  title: 'usage reports prompt_tokens and total_tokens',
  spec: 'OpenAPI CreateEmbeddingResponse.usage (required)',
  kind: 'protocol',
  consequence:
    'Cost tracking degrades: the AI SDK\'s embed() reports usage.tokens as undefined and token budgets or dashboards (LangChain callbacks, Langfuse) count nothing for indexing.',
  evidence:
    '@ai-sdk/openai OpenAIEmbeddingModel.doEmbed: usage: response.usage ? { tokens: response.usage.prompt_tokens } : undefined (node_modules/@ai-sdk/openai/src/embedding/openai-embedding-model.ts); Ollama added usage in 0.3.3 (ollama/ollama#5886)',
  run: (input) =>
    withBody(input, (body) => {
      const usage = body.usage;
      if (!isRecord(usage)) return fail('the answer reports no usage', { expected: '{"prompt_tokens": N, "total_tokens": N}', received: show(usage), pointer: '/usage' });
      for (const key of ['prompt_tokens', 'total_tokens']) {
        if (!Number.isInteger(usage[key]) || usage[key] < 0) {
          return fail(`usage.${key} is not a non-negative integer`, { expected: 'an integer >= 0', received: show(usage[key]), pointer: `/usage/${key}` });
        }
      }
      return pass();
    }),
};
