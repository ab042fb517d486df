// Certification in CI: the whole suite, behaviour checks repeated, through the proxy in front of
// a spec-perfect backend and in front of emulated Ollama (current and legacy). Every MUST and
// SHOULD check must pass for every backend.
import { describe, expect, it } from 'vitest';
import { CERTIFIED_BACKENDS, certify } from '../certify/certify.ts';

describe('dropin certify', () => {
  it('passes every MUST and SHOULD check through the proxy, for every certified backend', async () => {
    const run = await certify({ repeat: 2 });
    expect(run.targets.map((t) => t.name)).toEqual(CERTIFIED_BACKENDS.map((b) => `proxy→${b.name}`));
    for (const t of run.targets) {
      expect(t.error).toBeUndefined();
      const bad = t.checks.filter((c) => c.status === 'error' || (c.status === 'fail' && c.level !== 'MAY'));
      expect(bad.map((c) => `${t.name} ${c.id} (${c.scenario}): ${c.message}`)).toEqual([]);
      expect(t.checks.filter((c) => c.status === 'pass').length).toBeGreaterThan(100);
    }
    expect(run.exitCode).toBe(0);
  });
});
