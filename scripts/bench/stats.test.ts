import { describe, expect, it } from 'vitest';
import { mean, percentile, ratio, round } from './stats.ts';

describe('percentile', () => {
  it('takes the nearest rank of unsorted values', () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 99)).toBe(10);
    expect(percentile(values, 0)).toBe(1);
    expect(values[0]).toBe(5);
  });
  it('is null without values', () => expect(percentile([], 50)).toBeNull());
});

describe('ratio, mean and round', () => {
  it('divides, or gives null for a missing or zero base', () => {
    expect(ratio(3, 4)).toBe(0.75);
    expect(ratio(3, 0)).toBeNull();
    expect(ratio(null, 4)).toBeNull();
    expect(ratio(3, undefined)).toBeNull();
  });
  it('averages and rounds', () => {
    expect(mean([1, 2, 6])).toBe(3);
    expect(mean([])).toBeNull();
    expect(round(1.23456, 3)).toBe(1.235);
    expect(round(null)).toBeNull();
  });
});
