// GET /models: the first call many clients make, to discover or validate the model name.
import type { Scenario } from '../types.ts';
import { modelsChecks } from '../checks/models/index.ts';

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
];
