import { describe, expect, it } from 'vitest';
import { inputOf, jsonExchange } from '../test-exchange.ts';
import { modelsStatusOk } from './status-ok.ts';

const list = { object: 'list', data: [] };

describe('models.status-ok', () => {
  it('passes on 200 JSON, with a charset parameter', () => {
    const ex = jsonExchange(list, { path: '/models', headers: { 'content-type': 'application/json; charset=utf-8' } });
    expect(modelsStatusOk.run(inputOf(ex)).status).toBe('pass');
  });
  it('fails on a non-200 status', () => {
    const v = modelsStatusOk.run(inputOf(jsonExchange({ error: 'nope' }, { status: 404, path: '/models' })));
    expect(v).toMatchObject({ status: 'fail', expected: 'HTTP 200' });
    expect(v.received).toContain('HTTP 404');
  });
  it('fails on a non-JSON content type', () => {
    const v = modelsStatusOk.run(inputOf(jsonExchange(list, { headers: { 'content-type': 'text/plain' } })));
    expect(v).toMatchObject({ status: 'fail', received: 'content-type: text/plain' });
  });
});
