// The model-retrieve checks on literal answers: Ollama's and OpenAI's model objects pass; a
// server without the route (S24) and a wrong object fail.
import { describe, expect, it } from 'vitest';
import { inputOf, jsonExchange } from '../test-exchange.ts';
import { modelsRetrieveId } from './retrieve-id.ts';
import { modelsRetrieveOk } from './retrieve-ok.ts';
import { modelsRetrieveSchema } from './retrieve-schema.ts';

const model = { id: 'test-model', object: 'model', created: 1, owned_by: 'library' };
const get = (body: unknown, status = 200) => inputOf(jsonExchange(body, { status, path: '/models/test-model' }));

describe('models retrieve checks', () => {
  it('pass the model object', () => {
    for (const check of [modelsRetrieveOk, modelsRetrieveSchema, modelsRetrieveId]) expect(check.run(get(model)).status, check.id).toBe('pass');
  });

  it('models.retrieve-ok tells a missing route (S24) from a model it does not find', () => {
    expect(modelsRetrieveOk.run(get({ detail: 'Not Found' }, 404))).toMatchObject({ status: 'fail', message: /no GET \/models\/\{id\} route/ });
    const unknown = { error: { message: "model 'test-model' not found", type: 'not_found_error' } };
    expect(modelsRetrieveOk.run(get(unknown, 404))).toMatchObject({ status: 'fail', message: /does not find "test-model"/ });
  });

  it('models.retrieve-schema and models.retrieve-id', () => {
    expect(modelsRetrieveSchema.run(get({ object: 'list', data: [model] }))).toMatchObject({ status: 'fail' });
    expect(modelsRetrieveId.run(get({ ...model, id: 'test-model:latest' }))).toMatchObject({ status: 'fail', pointer: '/id' });
  });
});
