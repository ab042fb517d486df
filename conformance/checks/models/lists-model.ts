// Clients (and model pickers) check /models before calling a model; a model that works but is
// not listed looks unavailable.
import type { Check } from '../../types.ts';
import { isRecord, withBody } from '../chat/body.ts';
import { fail, pass, show, skip } from '../verdict.ts';

export const modelsListsModel: Check = {
  id: 'models.lists-model',
  capability: 'models',
  level: 'SHOULD',
  title: 'The model under test appears in the model list',
  spec: 'OpenAPI ListModelsResponse.data[].id',
  kind: 'protocol',
  consequence:
    'A documented feature is lost for this model: clients and model pickers that list models before calling one (openai-node/openai-python models.list()) report it unavailable, although calls to it work.',
  evidence:
    'OpenAPI listModels; openai-node Models.list (node_modules/openai/src/resources/models.ts)',
  run: (input) =>
    withBody(input, (body) => {
      if (!Array.isArray(body.data)) return skip('data is not an array (see models.schema)');
      const ids = body.data.map((m: unknown) => (isRecord(m) ? m.id : undefined));
      if (ids.includes(input.model)) return pass();
      return fail(`the model under test "${input.model}" is not listed by GET /models`, {
        expected: `an entry with id ${show(input.model)}`,
        received: `ids ${show(ids)}`,
        pointer: '/data',
      });
    }),
};
