import { describe, expect, it } from 'vitest';
import { reconnectDelay } from './redis-link.ts';

describe('reconnectDelay', () => {
  it('doubles from 50 ms up to a 2 s cap', () => {
    const middle = () => 0.5;
    expect([0, 1, 2, 3, 4, 5, 6, 10, 100].map((n) => reconnectDelay(n, middle))).toEqual([50, 100, 200, 400, 800, 1600, 2000, 2000, 2000]);
  });

  it('spreads replicas over ±25% so they do not reconnect in lockstep', () => {
    expect(reconnectDelay(10, () => 0)).toBe(1500);
    expect(reconnectDelay(10, () => 0.999999)).toBe(2500);
  });
});
