import { describe, expect, it } from 'vitest';
import { ProxyError } from './errors.ts';

describe('ProxyError', () => {
  it('renders the OpenAI envelope with a type derived from the status', () => {
    expect(new ProxyError(429, 'slow down', { code: 'rate_limit_exceeded' }).toBody()).toEqual({
      error: { message: 'slow down', type: 'rate_limit_error', param: null, code: 'rate_limit_exceeded' },
    });
    expect(new ProxyError(502, 'upstream failed').type).toBe('server_error');
    expect(new ProxyError(400, 'bad', { param: 'messages' }).toBody().error.param).toBe('messages');
  });
});
