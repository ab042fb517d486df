import { describe, expect, it } from 'vitest';
import type { ErrorBody } from '../types.ts';
import { finalError, type TriedFailure } from './final-error.ts';

const fail = (backend: string, reason: string, extra: Partial<TriedFailure> = {}): TriedFailure => ({
  kind: 'failed', backend, reason, detail: reason, unhealthy: true, ...extra,
});
const upstream429: ErrorBody = { error: { message: 'Rate limit reached', type: 'rate_limit_error', param: null, code: 'rate_limit_exceeded' } };

describe('finalError', () => {
  it("passes on the last upstream's HTTP error with its Retry-After", () => {
    const result = finalError([fail('a', 'connect'), fail('b', 'status_429', { upstream: { status: 429, body: upstream429, retryAfter: '7' } })]);
    expect(result).toEqual({ status: 429, body: upstream429, headers: { 'retry-after': '7' } });
  });

  it('reports output validation when every failure was the guard', () => {
    const result = finalError([fail('a', 'guard'), fail('b', 'guard')]);
    expect(result.status).toBe(502);
    expect(result.body.error.code).toBe('output_validation_failed');
  });

  it('maps a last timeout to 504 and other failures to 502, naming the backends', () => {
    expect(finalError([fail('a', 'guard'), fail('b', 'timeout')]).status).toBe(504);
    const result = finalError([fail('a', 'connect'), fail('b', 'reset')]);
    expect(result.status).toBe(502);
    expect(result.body.error.code).toBe('upstream_unavailable');
    expect(result.body.error.message).toContain('a: connect; b: reset');
    expect(finalError([fail('a', 'upstream_auth')]).body.error.code).toBe('upstream_auth_failed');
  });
});
