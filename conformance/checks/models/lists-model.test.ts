import { describe, expect, it } from 'vitest';
import { inputOf, jsonExchange } from '../test-exchange.ts';
import { modelsListsModel } from './lists-model.ts';

const list = (...ids: string[]) => ({ object: 'list', data: ids.map((id) => ({ id, object: 'model', created: 1, owned_by: 'x' })) });

describe('models.lists-model', () => {
  it('passes when the model under test is listed', () => {
    expect(modelsListsModel.run(inputOf(jsonExchange(list('other', 'test-model')))).status).toBe('pass');
  });
  it('fails when it is not', () => {
    const v = modelsListsModel.run(inputOf(jsonExchange(list('other'))));
    expect(v).toMatchObject({ status: 'fail', pointer: '/data', received: 'ids ["other"]' });
  });
  it('skips when data is not an array', () => {
    expect(modelsListsModel.run(inputOf(jsonExchange({ object: 'list', data: null }))).status).toBe('skip');
  });
});
