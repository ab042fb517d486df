import { describe, expect, it } from 'vitest';
import { undiciDiagnosis } from './bun.ts';

describe('undiciDiagnosis', () => {
  it("names Bun's undici stub when Pool.request gives no promise", () => {
    expect(undiciDiagnosis('undefined')).toBe("Bun replaces the bare 'undici' import with a built-in stub whose Pool.request returns undefined, so every upstream call of reference-proxy/upstream/pools.ts fails");
    expect(undiciDiagnosis('throws')).toMatch(/Pool\.request throws/);
  });
  it('blames nothing when Pool.request works', () => expect(undiciDiagnosis('promise')).toBeUndefined());
});
