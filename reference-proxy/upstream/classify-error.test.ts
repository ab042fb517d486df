import { describe, expect, it } from 'vitest';
import { classifyUpstreamError } from './classify-error.ts';

const withCode = (code: string) => Object.assign(new Error(code), { code });

describe('classifyUpstreamError', () => {
  it('reads the code of the error or its cause', () => {
    expect(classifyUpstreamError(withCode('ECONNREFUSED'), undefined)).toBe('connect');
    expect(classifyUpstreamError(new Error('x', { cause: withCode('UND_ERR_CONNECT_TIMEOUT') }), undefined)).toBe('connect');
    expect(classifyUpstreamError(withCode('UND_ERR_HEADERS_TIMEOUT'), undefined)).toBe('timeout');
    expect(classifyUpstreamError(withCode('UND_ERR_BODY_TIMEOUT'), undefined)).toBe('timeout');
    expect(classifyUpstreamError(withCode('UND_ERR_SOCKET'), undefined)).toBe('reset');
    expect(classifyUpstreamError(new Error('other'), undefined)).toBe('reset');
  });

  it('lets the reason for an abort decide', () => {
    expect(classifyUpstreamError(withCode('UND_ERR_ABORTED'), 'timeout')).toBe('timeout');
    expect(classifyUpstreamError(withCode('UND_ERR_ABORTED'), 'client')).toBe('aborted');
  });
});
