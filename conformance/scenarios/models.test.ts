import { describe, expect, it } from 'vitest';
import { modelsScenarios } from './models.ts';

describe('models scenarios', () => {
  it('models.list is GET /models, judged by the models checks', () => {
    expect(modelsScenarios.map((s) => s.id)).toEqual(['models.list']);
    expect(modelsScenarios[0].build({ model: 'm' })).toEqual({ method: 'GET', path: '/models' });
    expect(modelsScenarios[0].protocolChecks.map((c) => c.id)).toEqual(['models.status-ok', 'models.schema', 'models.lists-model']);
  });
});
