// GET /models: the first call many clients make, to discover or validate the model name; and
// GET /models/{id}, which models.retrieve() sends with the id percent-encoded as the SDK does.
import type { Scenario } from '../types.ts';
import { modelsChecks, modelsRetrieveChecks } from '../checks/models/index.ts';
import { modelPath } from '../checks/models/model-path.ts';

export const modelsScenarios: Scenario[] = [
  {
    id: 'models.list',
    capability: 'models',
    title: 'List models',
    kind: 'protocol',
    build: () => ({ method: 'GET', path: '/models' }),
    protocolChecks: modelsChecks,
    behaviourChecks: [],
  },
  {
    id: 'models.retrieve',
    capability: 'models',
    title: 'Retrieve the model under test by id',
    kind: 'protocol',
    build: ({ model }) => ({ method: 'GET', path: modelPath(model) }),
    protocolChecks: modelsRetrieveChecks,
    behaviourChecks: [],
  },
];
