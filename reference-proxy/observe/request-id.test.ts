import { describe, expect, it } from 'vitest';
import { requestIdFrom } from './request-id.ts';

describe('requestIdFrom', () => {
  it('keeps a plain caller id', () => {
    expect(requestIdFrom('abc-123_X.y:z')).toBe('abc-123_X.y:z');
    expect(requestIdFrom(['first', 'second'])).toBe('first');
  });

  it('replaces a missing, long or unsafe id with a generated one', () => {
    for (const bad of [undefined, '', 'a'.repeat(129), 'x\ny', 'a b', '{"json":1}']) {
      const id = requestIdFrom(bad);
      expect(id).toMatch(/^req_[0-9a-f]{32}$/);
    }
    expect(requestIdFrom(undefined)).not.toBe(requestIdFrom(undefined));
  });
});
