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
  run({ exchange }) {
    return okJsonVerdict(exchange, 'GET /models', 'clients listing models get an error');
  },
};
