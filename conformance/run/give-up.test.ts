import { describe, expect, it } from 'vitest';
import { TimeoutBreaker } from './give-up.ts';

const timeout = { transportError: { kind: 'timeout' } };
const answer = { status: 200 };

describe('TimeoutBreaker', () => {
  it('opens after the given number of timeouts in a row, and names --timeout', () => {
    const b = new TimeoutBreaker(3, 30_000);
    b.record(timeout);
    b.record(timeout);
    expect(b.open).toBe(false);
    b.record(timeout);
    expect(b.open).toBe(true);
    b.skip();
    b.skip();
    expect(b.reason()).toBe(
      '3 requests in a row got no answer within the 30000 ms timeout, so the other 2 were not sent. If the endpoint is just slow (loading a model can take minutes), raise --timeout (timeoutMs in a config file), e.g. --timeout 120000; otherwise the server hangs',
    );
  });

  it('starts over after any answer, and stays open once open', () => {
    const b = new TimeoutBreaker(2, 100);
    b.record(timeout);
    b.record({ status: 500 });
    b.record(timeout);
    b.record({ transportError: { kind: 'connect' } });
    expect(b.open).toBe(false);
    expect(b.reason()).toBeUndefined();
    b.record(timeout);
    expect(b.open).toBe(true);
    b.record(answer);
    expect(b.open).toBe(true);
    expect(b.reason()).toMatch(/^2 requests in a row got no answer within the 100 ms timeout\. If/);
  });
});
