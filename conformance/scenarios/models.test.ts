import { describe, expect, it } from 'vitest';
import { modelsScenarios } from './models.ts';

describe('models scenarios', () => {
  it('models.list is GET /models, judged by the models checks', () => {
    expect(modelsScenarios.map((s) => s.id)).toEqual(['models.list', 'models.retrieve']);
    expect(modelsScenarios[0].build({ model: 'm' })).toEqual({ method: 'GET', path: '/models' });
    expect(modelsScenarios[0].protocolChecks.map((c) => c.id)).toEqual(['models.status-ok', 'models.schema', 'models.lists-model']);
  });

  it('models.retrieve percent-encodes the id as openai-node does: "/" as %2F, ":" kept', () => {
    const retrieve = modelsScenarios[1];
    expect(retrieve.build({ model: 'llama3.2:latest' })).toEqual({ method: 'GET', path: '/models/llama3.2:latest' });
    expect(retrieve.build({ model: 'hf.co/user/repo:Q4' }).path).toBe('/models/hf.co%2Fuser%2Frepo:Q4');
    expect(retrieve.build({ model: 'a b?#' }).path).toBe('/models/a%20b%3F%23');
    expect(retrieve.protocolChecks.map((c) => c.id)).toEqual(['models.retrieve-ok', 'models.retrieve-schema', 'models.retrieve-id']);
  });
});
