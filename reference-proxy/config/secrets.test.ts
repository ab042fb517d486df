import { describe, expect, it } from 'vitest';
import { resolveSecret, resolveSecrets } from './secrets.ts';

describe('resolveSecret', () => {
  it('keeps literal keys and resolves env: references', () => {
    expect(resolveSecret('sk-literal', ['backends', 0, 'apiKey'], {})).toEqual({ ok: true, value: 'sk-literal' });
    expect(resolveSecret('env:OPENAI_API_KEY', ['backends', 0, 'apiKey'], { OPENAI_API_KEY: 'sk-env' })).toEqual({ ok: true, value: 'sk-env' });
  });

  it('names the path and the variable when it is missing or empty', () => {
    const missing = resolveSecret('env:OPENAI_API_KEY', ['backends', 2, 'apiKey'], {});
    expect(missing).toEqual({ ok: false, problem: expect.stringContaining('backends[2].apiKey: environment variable OPENAI_API_KEY is not set') });
    expect(resolveSecret('env:EMPTY', ['auth', 'keys', 0, 'key'], { EMPTY: '' }).ok).toBe(false);
  });

  it('rejects a malformed variable name', () => {
    const r = resolveSecret('env:not-a-name', ['auth', 'keys', 1, 'key'], { 'not-a-name': 'x' });
    expect(r).toEqual({ ok: false, problem: expect.stringMatching(/^auth\.keys\[1\]\.key: "env:not-a-name" is not a valid/) });
  });
});

describe('resolveSecrets', () => {
  it('resolves backend and inbound keys without touching the input', () => {
    const raw = { backends: [{ apiKey: 'env:A' }, {}], auth: { keys: [{ key: 'env:B' }, { key: 'plain' }] } };
    const { config, problems } = resolveSecrets(raw, { A: 'a-secret', B: 'b-secret' });
    expect(problems).toEqual([]);
    expect(config.backends[0].apiKey).toBe('a-secret');
    expect(config.auth.keys.map((k) => k.key)).toEqual(['b-secret', 'plain']);
    expect(raw.backends[0].apiKey).toBe('env:A');
  });

  it('collects every missing variable', () => {
    const { problems } = resolveSecrets({ backends: [{ apiKey: 'env:A' }], auth: { keys: [{ key: 'env:B' }] } }, {});
    expect(problems).toHaveLength(2);
    expect(problems[1]).toContain('auth.keys[0].key');
  });
});
