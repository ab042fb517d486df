import { describe, expect, it } from 'vitest';
import { failureReason, succeeded } from './failure.ts';

describe('failureReason', () => {
  it("quotes the OpenAI envelope's code and message, then the bench's diagnosis", () => {
    const body = '{"error":{"message":"No backend could answer (bench-upstream: connection failed).","type":"server_error","param":null,"code":"upstream_unavailable"}}';
    expect(failureReason({ status: 502, body }, 'Bun replaces undici')).toBe(
      'fails: the first request got HTTP 502 upstream_unavailable ("No backend could answer (bench-upstream: connection failed).")' + '; Bun replaces undici',
    );
  });
  it('says when no answer came at all', () => {
    expect(failureReason({ status: 0, body: '', error: 'other side closed' })).toBe('fails: the first request got no answer (other side closed)');
  });
  it('clips a long non-JSON body', () => {
    const r = failureReason({ status: 500, body: 'x'.repeat(500) });
    expect(r.startsWith('fails: the first request got HTTP 500 ("xxx')).toBe(true);
    expect(r.length).toBeLessThan(180);
  });
});

describe('succeeded', () => {
  it('takes any 2xx', () => {
    expect(succeeded({ status: 200, body: '' })).toBe(true);
    expect(succeeded({ status: 502, body: '' })).toBe(false);
    expect(succeeded({ status: 0, body: '' })).toBe(false);
  });
});
