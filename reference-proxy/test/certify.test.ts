// Certification in CI: the whole suite — every capability, the embedding and vision models
// included — behaviour checks repeated, through the proxy configured without profile lines in
// front of every emulated server (Ollama current, legacy, 0.12 and 0.11, llama.cpp, vLLM, LM
// Studio) and of the spec-perfect emulator (unidentified: generic), and with `profile: openai` in
// front of the spec-perfect one. Every MUST and SHOULD check must pass for every backend, each
// served with the profile the proxy identified, but for the named deviations no proxy can repair,
// which must fail exactly where expected and cleanly.
import { describe, expect, it } from 'vitest';
import { CERTIFIED_BACKENDS, certify, UNREPAIRABLE } from '../certify/certify.ts';

describe('dropin certify', () => {
  it('passes every MUST and SHOULD check through the proxy, for every certified backend', async () => {
    let served: Record<string, string> = {};
    const run = await certify({ repeat: 2, onProfiles: (p) => (served = p) });
    expect(served).toEqual(Object.fromEntries(CERTIFIED_BACKENDS.map((b) => [b.name, b.servedAs])));
    expect(run.targets.map((t) => t.name)).toEqual(CERTIFIED_BACKENDS.map((b) => `proxy→${b.name}`));
    for (const t of run.targets) {
      expect(t.error).toBeUndefined();
      const bad = t.checks.filter((c) => c.status === 'error' || (c.status === 'fail' && c.level !== 'MAY' && !c.expectedFailure));
      expect(bad.map((c) => `${t.name} ${c.id} (${c.scenario}): ${c.message}`)).toEqual([]);
      const expected = t.checks.filter((c) => c.expectedFailure);
      expect([...new Set(expected.map((c) => c.id))]).toEqual(UNREPAIRABLE[t.name] ?? []);
      // refused by name before the backend is asked, never a 5xx
      for (const c of expected) expect(c.message).toMatch(/HTTP 400/);
      expect(t.checks.filter((c) => c.status === 'pass').length).toBeGreaterThan(100);
    }
    expect(run.staleBaseline).toEqual([]);
    expect(run.exitCode).toBe(0);
  });
});
