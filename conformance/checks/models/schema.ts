// The model list must match ListModelsResponse; Ollama with no models sends `data: null` (F27).
import type { Check } from '../../types.ts';
import { schemaVerdict, withBody } from '../chat/body.ts';

export const modelsSchema: Check = {
  id: 'models.schema',
  capability: 'models',
  level: 'MUST',
  title: 'Model list matches the ListModelsResponse schema',
  spec: 'OpenAPI ListModelsResponse, Model; wire-facts F27',
  kind: 'protocol',
  run: (input) => withBody(input, (body) => schemaVerdict('model-list', body, 'the model list')),
};
