// GET /models must answer 200 with JSON, or clients cannot even discover what to call.
import type { Check } from '../../types.ts';
import { okJsonVerdict } from '../chat/body.ts';

export const modelsStatusOk: Check = {
  id: 'models.status-ok',
  capability: 'models',
  level: 'MUST',
  title: 'GET /models answers 200 with a JSON content type',
  spec: 'OpenAPI listModels (200 application/json)',
  kind: 'protocol',
  consequence:
    'openai-node and openai-python raise APIError on any non-2xx answer to models.list(); with a non-JSON content type openai-node returns the body as text and its Page reads no data, so the list comes back silently empty.',
  evidence:
    'openai-node APIError.generate (node_modules/openai/src/core/error.ts), defaultParseResponse (node_modules/openai/src/internal/parse.ts: JSON only for a JSON content type), Page constructor (node_modules/openai/src/core/pagination.ts: body.data || [])',
  run({ exchange }) {
    return okJsonVerdict(exchange, 'GET /models', 'clients listing models get an error');
  },
};
