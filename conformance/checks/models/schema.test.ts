import { describe, expect, it } from 'vitest';
import { inputOf, jsonExchange } from '../test-exchange.ts';
import { modelsSchema } from './schema.ts';

const model = { id: 'llama3.2:latest', object: 'model', created: 1, owned_by: 'library' };

describe('models.schema', () => {
  it('passes on a valid list', () => {
    expect(modelsSchema.run(inputOf(jsonExchange({ object: 'list', data: [model] }))).status).toBe('pass');
  });
  it('fails on data: null (F27) with a pointer', () => {
    const v = modelsSchema.run(inputOf(jsonExchange({ object: 'list', data: null })));
    expect(v).toMatchObject({ status: 'fail', pointer: '/data', received: 'null' });
  });
  it('points at a missing required key', () => {
    const v = modelsSchema.run(inputOf(jsonExchange({ object: 'list', data: [{ ...model, owned_by: undefined }] })));
    expect(v).toMatchObject({ status: 'fail', pointer: '/data/0/owned_by' });
  });
  it('fails on a body that is not JSON, skips on an error status', () => {
    expect(modelsSchema.run(inputOf(jsonExchange('<html>')))).toMatchObject({ status: 'fail' });
    expect(modelsSchema.run(inputOf(jsonExchange({}, { status: 500 }))).status).toBe('skip');
  });
});
