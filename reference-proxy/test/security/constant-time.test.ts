// Inbound keys are compared in constant time: every comparison goes through
// crypto.timingSafeEqual over equal-length digests, against every configured key, whatever the
// presented key looks like. Checked by watching the calls, not by measuring time.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiKeyConfig } from '../../types.ts';

const crypto = vi.hoisted(() => ({ calls: [] as Array<[Buffer, Buffer]> }));
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>();
  return {
    ...real,
    timingSafeEqual: (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
      crypto.calls.push([Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)]);
      return real.timingSafeEqual(a, b);
    },
  };
});
const { authenticate } = await import('../../auth/authenticate.ts');

const RIGHT = 'dropin-team-key-7c2f9a41e0b35d68';
const KEYS: ApiKeyConfig[] = [
  { name: 'other', key: 'dropin-other-key-0000000000000000' },
  { name: 'team', key: RIGHT },
  { name: 'short', key: 'k' },
];

function attempt(presented: string): { ok: boolean; calls: Array<[Buffer, Buffer]> } {
  crypto.calls = [];
  try {
    return { ok: authenticate(`Bearer ${presented}`, KEYS).name === 'team', calls: crypto.calls };
  } catch {
    return { ok: false, calls: crypto.calls };
  }
}

const wrongKeys = [
  ...Array.from({ length: RIGHT.length + 8 }, (_, n) => 'x'.repeat(n + 1)),
  ...Array.from({ length: RIGHT.length - 1 }, (_, n) => RIGHT.slice(0, n + 1)),
  `${RIGHT}x`,
  `${RIGHT}${RIGHT}`,
  `x${RIGHT}`,
  RIGHT.toUpperCase(),
  `${RIGHT.slice(0, -1)}${RIGHT.endsWith('8') ? '9' : '8'}`,
];

describe('inbound key comparison', () => {
  beforeEach(() => {
    crypto.calls = [];
  });

  it('accepts the right key, compared as a 32-byte digest against every configured key', () => {
    const { ok, calls } = attempt(RIGHT);
    expect(ok).toBe(true);
    expect(calls).toHaveLength(KEYS.length);
    for (const [a, b] of calls) expect([a.length, b.length]).toEqual([32, 32]);
  });

  it('rejects wrong keys of every length, prefixes of the right key and the right key with more around it, the same way', () => {
    for (const key of wrongKeys) {
      const { ok, calls } = attempt(key);
      expect(ok, key).toBe(false);
      expect(calls, key).toHaveLength(KEYS.length);
      for (const [a, b] of calls) expect([a.length, b.length], key).toEqual([32, 32]);
    }
  });

  it('never compares the raw keys', () => {
    attempt(RIGHT);
    const compared = crypto.calls.flat().map((b) => b.toString('utf8'));
    for (const key of KEYS) expect(compared).not.toContain(key.key);
  });
});
