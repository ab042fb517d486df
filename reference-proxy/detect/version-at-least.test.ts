import { describe, expect, it } from 'vitest';
import { versionAtLeast } from './version-at-least.ts';

describe('versionAtLeast', () => {
  it('compares major, minor and patch in order', () => {
    expect(versionAtLeast('0.12.7', [0, 12, 7])).toBe(true);
    expect(versionAtLeast('0.12.6', [0, 12, 7])).toBe(false);
    expect(versionAtLeast('v0.13.0-rc1', [0, 12, 7])).toBe(true);
    expect(versionAtLeast('1.0.0', [0, 32, 6])).toBe(true);
    expect(versionAtLeast('0.2.10', [0, 11, 11])).toBe(false);
  });

  it('does not guess for a missing or unreadable version', () => {
    expect(versionAtLeast(undefined, [0, 1, 0])).toBeUndefined();
    expect(versionAtLeast('b6497-cd08fc3e', [0, 1, 0])).toBeUndefined();
  });
});
