import { describe, expect, it } from 'vitest';
import { jsonExchange } from '../checks/test-exchange.ts';
import { endpointMissingReason, unsupportedReason } from './unsupported.ts';

const envelope = (message: string, param: string | null = null) => ({
  error: { message, type: 'invalid_request_error', param, code: null },
});

describe('unsupportedReason', () => {
  it('recognises a 4xx envelope whose param names a feature parameter', () => {
    const ex = jsonExchange(envelope('Unsupported value', 'response_format'), { status: 400 });
    expect(unsupportedReason(ex, ['response_format'])).toMatch(/rejected `response_format`/);
  });
  it('recognises the parameter named in the message only (LM Studio style)', () => {
    const ex = jsonExchange(envelope("Invalid tool_choice type: 'object'"), { status: 400 });
    expect(unsupportedReason(ex, ['tools', 'tool_choice'])).toMatch(/tool_choice/);
  });
  it('does not match a parameter that is only a substring of another word', () => {
    const ex = jsonExchange(envelope('bad stop_sequence'), { status: 400 });
    expect(unsupportedReason(ex, ['stop'])).toBeUndefined();
  });
  it('ignores 5xx, 2xx, non-envelopes and scenarios without feature params', () => {
    expect(unsupportedReason(jsonExchange(envelope('n', 'n'), { status: 500 }), ['n'])).toBeUndefined();
    expect(unsupportedReason(jsonExchange({ ok: 1 }, { status: 200 }), ['n'])).toBeUndefined();
    expect(unsupportedReason(jsonExchange({ error: 'n is bad' }, { status: 400 }), ['n'])).toBeUndefined();
    expect(unsupportedReason(jsonExchange(envelope('n', 'n'), { status: 400 }), [])).toBeUndefined();
  });
});

describe('endpointMissingReason', () => {
  const at = (body: unknown, status: number) => {
    const ex = jsonExchange(body, { status, path: '/responses', request: { model: 'm' } });
    return endpointMissingReason(ex);
  };
  it('reads 404, 405 and 501 as an endpoint the server does not serve, whatever the body', () => {
    expect(at('404 page not found', 404)).toMatch(/^unsupported: the endpoint does not serve POST \/v1\/responses \(HTTP 404: 404 page not found\)/);
    expect(at({ detail: 'Method Not Allowed' }, 405)).toMatch(/HTTP 405/);
    expect(at(envelope('File Not Found'), 501)).toMatch(/HTTP 501/);
  });
  it('does not mistake an unknown model, or any other status, for a missing endpoint', () => {
    expect(at({ error: { message: 'The model `x` does not exist', type: 'invalid_request_error', param: null, code: 'model_not_found' } }, 404)).toBeUndefined();
    expect(at({ error: { message: "model 'x' not found", type: 'not_found_error', param: null, code: null } }, 404)).toBeUndefined();
    expect(at(envelope('bad'), 400)).toBeUndefined();
    expect(at({ ok: true }, 200)).toBeUndefined();
  });
});
