// Certification in CI: the whole suite — every capability, the embedding and vision models
// included — behaviour checks repeated, through the proxy configured without profile lines in
// front of every emulated server (Ollama current, legacy, 0.12 and 0.11, llama.cpp, vLLM, LM
// Studio) and of the spec-perfect emulator (unidentified: generic), and with `profile: openai` in
// front of the spec-perfect one. Every MUST and SHOULD check must pass for every backend, each
// served with the profile the proxy identified, but for the named deviations no proxy can repair,
// which must fail exactly where expected and cleanly. The Responses capabilities are judged, not
// skipped, everywhere: natively where the server has /v1/responses, through the translation onto
// chat where it has not (Ollama 0.11–0.13, llama.cpp, the unidentified server) or is declared
// chat only.
import { describe, expect, it } from 'vitest';
import { CERTIFIED_BACKENDS, certify, UNREPAIRABLE } from '../certify/certify.ts';

const TRANSLATED = ['generic', 'ollama-0.12', 'ollama-0.11', 'ollama-0.13', 'ollama-chat-only', 'llama.cpp'];

describe('dropin certify', () => {
  it('passes every MUST and SHOULD check through the proxy, for every certified backend', async () => {
    let served: Record<string, string> = {};
    const logs: any[] = [];
    const run = await certify({ repeat: 2, onProfiles: (p) => (served = p), log: (l) => logs.push(JSON.parse(l)) });
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
      const responses = t.checks.filter((c) => c.scenario.startsWith('responses'));
      expect(responses.filter((c) => c.status === 'pass').length, t.name).toBeGreaterThan(120);
      expect(responses.filter((c) => c.status === 'skip' && /unsupported|not claimed/.test(c.message ?? '')), t.name).toEqual([]);
    }
    const via = new Map(logs.filter((l) => l.path === '/v1/responses' && l.via).map((l) => [l.backend, l.via]));
    expect(Object.fromEntries(via)).toEqual(Object.fromEntries(CERTIFIED_BACKENDS.map((b) => [b.name, TRANSLATED.includes(b.name) ? 'translated' : 'native'])));
    expect(run.staleBaseline).toEqual([]);
    expect(run.exitCode).toBe(0);
  });
});
