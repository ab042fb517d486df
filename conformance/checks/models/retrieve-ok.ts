// GET /models/{id} answers 200 with the model: openai-node/python's models.retrieve() call it.
// llama.cpp and vLLM have no such route (S24).
import type { Check } from '../../types.ts';
import { isJsonContentType } from '../chat/body.ts';
import { fail, pass, show } from '../verdict.ts';

export const modelsRetrieveOk: Check = {
  id: 'models.retrieve-ok',
  capability: 'models',
  level: 'SHOULD',
  title: 'GET /models/{id} answers 200 with a JSON content type for the model under test',
  spec: 'OpenAPI retrieveModel; docs/deviations.md#s24',
  kind: 'protocol',
  consequence:
    'client.models.retrieve(id) raises NotFoundError in openai-node and openai-python, so tools that check a model exists before using it (model pickers, startup health checks) report it missing although chat works.',
  evidence:
    'openai-node Models.retrieve (node_modules/openai/src/resources/models.ts); vllm-project/vllm#43127 ("openai.NotFoundError: 404 {\'detail\': \'Not Found\'}"), ggml-org/llama.cpp#24224 (docs/deviations.md#s24)',
  run({ exchange, model }) {
    if (exchange.status === undefined) return { status: 'error', message: `no response arrived: ${exchange.transportError?.message ?? 'transport failure'}` };
    if (exchange.status === 200 && isJsonContentType(exchange.headers)) return pass();
    if (exchange.status === 200) return fail('GET /models/{id} did not declare a JSON content type', { expected: 'content-type: application/json', received: `content-type: ${exchange.headers['content-type'] ?? '(none)'}` });
    const unknownModel = /model_not_found|model .{0,80}(not found|does not exist)/i.test(exchange.bodyText.slice(0, 2000));
    const what =
      exchange.status !== 404 ? `GET /models/{id} answered HTTP ${exchange.status}`
      : unknownModel ? `GET /models/{id} does not find "${model}", although the server serves it`
      : 'the server has no GET /models/{id} route';
    return fail(`${what}: client.models.retrieve() raises`, { expected: 'HTTP 200 with the model object', received: `HTTP ${exchange.status}: ${show(exchange.bodyText, 160)}` });
  },
};
