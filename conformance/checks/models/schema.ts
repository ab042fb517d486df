// The model list must match ListModelsResponse; Ollama with no models sends `data: null` (F27).
import type { Check } from '../../types.ts';
import { schemaVerdict, withBody } from '../chat/body.ts';

export const modelsSchema: Check = {
  id: 'models.schema',
  capability: 'models',
  level: 'MUST',
  title: 'Model list matches the ListModelsResponse schema',
  spec: 'OpenAPI ListModelsResponse, Model; docs/deviations.md#f27',
  kind: 'protocol',
  consequence:
    'openai-python iterates page.data as sent, so "data": null makes `for m in client.models.list()` raise TypeError; code reading a model\'s id or owned_by gets None. openai-node replaces a null data with [] (the models look absent).',
  evidence:
    'openai-python SyncPage._get_page_items (src/openai/pagination.py, docs/deviations.md#clients); openai-node Page constructor (node_modules/openai/src/core/pagination.ts); ollama middleware/openai_test.go (docs/deviations.md#f27)',
  run: (input) => withBody(input, (body) => schemaVerdict('model-list', body, 'the model list')),
};
