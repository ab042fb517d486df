import { describe, expect, it } from 'vitest';
import { ProxyError } from '../../errors.ts';
import { validateChatRequest, wantsStructuredOutput } from './validate.ts';

function rejection(body: unknown): { status: number; param: string | null; code: string | null } {
  try {
    validateChatRequest(body);
  } catch (error) {
    const e = error as ProxyError;
    return { status: e.status, param: e.param, code: e.code };
  }
  throw new Error('expected a rejection');
}

describe('validateChatRequest', () => {
  it('accepts a minimal request', () => {
    const body = { model: 'm', messages: [{ role: 'user', content: 'hi' }] };
    expect(validateChatRequest(body)).toBe(body);
  });

  it('names the parameter of each problem', () => {
    expect(rejection([])).toEqual({ status: 400, param: null, code: 'invalid_type' });
    expect(rejection({ messages: [] })).toEqual({ status: 400, param: 'model', code: 'missing_required_parameter' });
    expect(rejection({ model: 3, messages: [] })).toEqual({ status: 400, param: 'model', code: 'invalid_type' });
    expect(rejection({ model: 'm' })).toEqual({ status: 400, param: 'messages', code: 'missing_required_parameter' });
    expect(rejection({ model: 'm', messages: [] })).toEqual({ status: 400, param: 'messages', code: 'empty_array' });
    expect(rejection({ model: 'm', messages: [{ role: 'user' }, 'x'] })).toEqual({ status: 400, param: 'messages[1]', code: 'invalid_type' });
    expect(rejection({ model: 'm', messages: [{ role: 'user' }], stream: 'yes' })).toEqual({ status: 400, param: 'stream', code: 'invalid_type' });
  });
});

describe('wantsStructuredOutput', () => {
  const base = { model: 'm', messages: [] };
  it('is true for json_object and json_schema only', () => {
    expect(wantsStructuredOutput({ ...base, response_format: { type: 'json_object' } })).toBe(true);
    expect(wantsStructuredOutput({ ...base, response_format: { type: 'json_schema', json_schema: { name: 'x' } } })).toBe(true);
    expect(wantsStructuredOutput({ ...base, response_format: { type: 'text' } })).toBe(false);
    expect(wantsStructuredOutput(base)).toBe(false);
  });
});
