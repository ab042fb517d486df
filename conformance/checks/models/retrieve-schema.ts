// The retrieved model is a Model object: id, object "model", created, owned_by.
import type { Check } from '../../types.ts';
import { schemaVerdict, withBody } from '../chat/body.ts';

export const modelsRetrieveSchema: Check = {
  id: 'models.retrieve-schema',
  capability: 'models',
  level: 'SHOULD',
  title: 'The retrieved model matches the Model schema',
  spec: 'OpenAPI Model',
  kind: 'protocol',
  consequence:
    'The SDKs return the body as a Model without checking it, so code reading model.id, created or owned_by gets undefined (a list or an error object answered with 200 looks like a model with no fields).',
  evidence: 'openai-node Models.retrieve returns APIPromise<Model> unvalidated (node_modules/openai/src/resources/models.ts)',
  run: (input) => withBody(input, (body) => schemaVerdict('model', body, 'the retrieved model')),
};
