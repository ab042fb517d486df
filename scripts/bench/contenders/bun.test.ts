import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkBunUndici, undiciDiagnosis } from './bun.ts';

describe('undiciDiagnosis', () => {
  it("names Bun's undici stub when Pool.request gives no promise", () => {
    expect(undiciDiagnosis('undefined')).toBe("Bun replaces the bare 'undici' import with a built-in stub whose Pool.request returns undefined, so every upstream call of reference-proxy/upstream/pools.ts fails");
    expect(undiciDiagnosis('throws')).toMatch(/Pool\.request throws/);
  });
  it('blames nothing when Pool.request works', () => expect(undiciDiagnosis('promise')).toBeUndefined());
});

describe('checkBunUndici', () => {
  // The finding dropin-bun reports: Bun (the version package-lock pins) answers the bare 'undici'
  // import with a stub. When a Bun update makes Pool.request work, this fails: update the
  // diagnosis and docs/benchmark.md's Bun section with it.
  it("finds Bun's undici stub: Pool.request returns undefined", () => {
    expect(checkBunUndici(resolve(fileURLToPath(new URL('../../..', import.meta.url))))).toBe('undefined');
  });
});
