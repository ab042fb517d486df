// Certification in CI: the whole suite, behaviour checks repeated, through the proxy configured
// without profile lines in front of every emulated server (Ollama current and legacy, llama.cpp,
// vLLM, LM Studio) and of the spec-perfect emulator (unidentified: generic), and with
// `profile: openai` in front of the spec-perfect one. Every MUST and SHOULD check must pass for
// every backend, each served with the profile the proxy identified.
import { describe, expect, it } from 'vitest';
import { CERTIFIED_BACKENDS, certify } from '../certify/certify.ts';

describe('dropin certify', () => {
  it('passes every MUST and SHOULD check through the proxy, for every certified backend', async () => {
    let served: Record<string, string> = {};
    const run = await certify({ repeat: 2, onProfiles: (p) => (served = p) });
    expect(served).toEqual(Object.fromEntries(CERTIFIED_BACKENDS.map((b) => [b.name, b.servedAs])));
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
