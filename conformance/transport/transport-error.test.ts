import { describe, expect, it } from 'vitest';
import { describeFailure, isUsageError, type FailureContext } from './transport-error.ts';

const ctx: FailureContext = { phase: 'head', timedOut: false, timeoutMs: 500, url: 'http://127.0.0.1:9/v1/x', bytesReceived: 0 };
const err = (code: string | undefined, message = 'boom') => Object.assign(new Error(message), { code });

describe('describeFailure', () => {
  it.each([
    ['ECONNREFUSED', 'connect'],
    ['ENOTFOUND', 'connect'],
    ['UND_ERR_CONNECT_TIMEOUT', 'connect'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'connect'],
    ['ECONNRESET', 'reset'],
    ['UND_ERR_SOCKET', 'reset'],
    ['UND_ERR_HEADERS_TIMEOUT', 'timeout'],
    ['UND_ERR_BODY_TIMEOUT', 'timeout'],
    ['HPE_INVALID_CONSTANT', 'other'],
    ['EWHATEVER', 'other'],
    [undefined, 'other'],
  ])('%s -> %s', (code, kind) => {
    expect(describeFailure(err(code), ctx).kind).toBe(kind);
  });

  it('blames our own deadline whatever error the abort produced', () => {
    const f = describeFailure(err('ECONNRESET'), { ...ctx, phase: 'body', timedOut: true, bytesReceived: 12 });
    expect(f.kind).toBe('timeout');
    expect(f.message).toContain('12 bytes received');
    expect(f.message).toContain('500 ms');
  });

  it('names the origin and the code for a refused connection', () => {
    expect(describeFailure(err('ECONNREFUSED'), ctx).message).toContain('http://127.0.0.1:9 (ECONNREFUSED');
  });

  it('finds the code on the first error of an AggregateError', () => {
    const agg = new AggregateError([err('ECONNREFUSED', 'connect ECONNREFUSED ::1')], '');
    const f = describeFailure(agg, ctx);
    expect(f.kind).toBe('connect');
    expect(f.message).toContain('connect ECONNREFUSED ::1');
  });

  it('says how far the body got when the connection broke', () => {
    expect(describeFailure(err('ECONNRESET'), { ...ctx, phase: 'body', bytesReceived: 7 }).message).toContain(
      'after 7 bytes',
    );
  });

  it('recognises a parser error without a code by its name', () => {
    const parser = Object.assign(new Error('Response does not match the HTTP/1.1 protocol'), { name: 'HTTPParserError' });
    expect(describeFailure(parser, ctx).message).toContain('not valid HTTP/1.1');
  });
});

describe('isUsageError', () => {
  it('is true only for requests undici refuses to build', () => {
    expect(isUsageError(err('UND_ERR_INVALID_ARG'))).toBe(true);
    expect(isUsageError(err('ERR_INVALID_URL'))).toBe(true);
    expect(isUsageError(err('ECONNREFUSED'))).toBe(false);
  });
});
