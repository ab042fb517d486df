// The retrieved model carries the id that was asked for.
import type { Check } from '../../types.ts';
import { withBody } from '../chat/body.ts';
import { fail, pass, show } from '../verdict.ts';

export const modelsRetrieveId: Check = {
  id: 'models.retrieve-id',
  capability: 'models',
  level: 'MAY',
  title: 'The retrieved model\'s id is the id in the path',
  spec: 'OpenAPI retrieveModel (path parameter model), Model.id',
  kind: 'protocol',
  consequence: 'Spec letter: a client comparing the returned id with the one it asked for (caches keyed by id, pickers) sees a different model.',
  evidence: 'OpenAPI retrieveModel; Ollama answers the id as requested (server/routes.go, docs/deviations.md#s24)',
  run: (input) =>
    withBody(input, (body) => {
      if (body.id === input.model) return pass();
      return fail(`asked for "${input.model}", got a model with id ${show(body.id)}`, { expected: show(input.model), received: show(body.id), pointer: '/id' });
    }),
};
