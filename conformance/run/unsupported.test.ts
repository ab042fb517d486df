import { describe, expect, it } from 'vitest';
import { jsonExchange } from '../checks/test-exchange.ts';
import { unsupportedReason } from './unsupported.ts';

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
