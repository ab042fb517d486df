import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig, redactConfig } from './load.ts';

const dir = mkdtempSync(join(tmpdir(), 'dropin-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const examples = new URL('../examples/', import.meta.url).pathname;
const exampleEnv = { OPENAI_API_KEY: 'sk-example-upstream', DROPIN_KEY_APP: 'app-secret', DROPIN_KEY_BATCH: 'batch-secret' };

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('validates, resolves env: secrets and fills defaults', () => {
    const config = parseConfig(
      { backends: [{ name: 'cloud', baseUrl: 'https://api.openai.com/v1', apiKey: 'env:UP', models: ['gpt-4o'] }], auth: { keys: [{ name: 'a', key: 'env:IN' }] } },
      { UP: 'sk-up', IN: 'in-key' },
    );
    expect(config.backends[0]).toMatchObject({ apiKey: 'sk-up', weight: 1, profile: 'auto', local: false });
    expect(config.auth?.keys[0].key).toBe('in-key');
    expect(config.retry.attempts).toBe(3);
  });

  it('reports shape problems before anything else, all at once', () => {
    const err = (() => {
      try {
        parseConfig({ backends: [{ name: 'a', baseUrl: 'http://x', models: [] }] }, {});
      } catch (e) {
        return e as ConfigError;
      }
    })();
    expect(err?.problems).toHaveLength(2);
    expect(err?.message).toMatch(/^proxy config has 2 problems; fix them and start again:\n {2}- backends\[0\]\.baseUrl: must be a URL ending in \/v1 \(got "http:\/\/x"\)/);
  });

  it('reports missing variables and broken references together', () => {
    const problems = problemsOf(() =>
      parseConfig({ backends: [{ name: 'c', baseUrl: 'https://api.openai.com/v1', apiKey: 'env:OPENAI_API_KEY', models: ['gpt-4o'] }], aliases: { a: [{ backend: 'x', model: 'gpt-4o' }] } }, {}),
    );
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^backends\[0\]\.apiKey: environment variable OPENAI_API_KEY is not set/);
    expect(problems[1]).toMatch(/^aliases\.a\[0\]\.backend: no backend is named "x"/);
  });

  it('takes the Responses settings, and names a wrong value with what to change', () => {
    const backend = { name: 'c', baseUrl: 'http://127.0.0.1:8000/v1', models: ['m'] };
    const config = parseConfig({ backends: [{ ...backend, translation: { maxTokensField: 'max_completion_tokens', reasoningStyle: 'reasoning_text' } }], responses: { store: { maxEntries: 50 } } }, {});
    expect(config.backends[0].translation).toEqual({ maxTokensField: 'max_completion_tokens', reasoningStyle: 'reasoning_text' });
    expect(config.responses.store.maxEntries).toBe(50);
    const problems = problemsOf(() => parseConfig({ backends: [{ ...backend, translation: { reasoningField: 'thoughts' } }], responses: { store: { ttlMs: 5 } } }, {}));
    expect(problems.join('\n')).toContain('backends[0].translation.reasoningField: must be one of "reasoning_content", "reasoning", "none" (got "thoughts")');
    expect(problems.join('\n')).toMatch(/responses\.store\.ttlMs: must be a number of milliseconds, at least 1000/);
  });

  it('never puts a resolved secret in an error message', () => {
    const problems = problemsOf(() =>
      parseConfig({ backends: [{ name: 'c', baseUrl: 'https://api.openai.com/v1', models: ['m'] }], auth: { keys: [{ name: 'a', key: 'env:S' }, { name: 'b', key: 'env:S' }] } }, { S: 'top-secret' }),
    );
    expect(problems.join('\n')).not.toContain('top-secret');
  });
});

describe('loadConfig', () => {
  it('loads the example proxy config with its environment', () => {
    const config = loadConfig(join(examples, 'proxy.yaml'), exampleEnv);
    expect(config.backends.map((b) => [b.name, b.local])).toEqual([['ollama-a', true], ['ollama-b', true], ['openai', false]]);
    expect(config.backends[2].apiKey).toBe('sk-example-upstream');
    expect(Object.keys(config.aliases)).toEqual(['fast', 'smart']);
    expect(config.rules.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(redactConfig(config))).not.toMatch(/sk-example-upstream|app-secret|batch-secret/);
  });

  it('refuses the example proxy config when its variables are missing', () => {
    const problems = problemsOf(() => loadConfig(join(examples, 'proxy.yaml'), {}));
    expect(problems.map((p) => p.split(':')[0])).toEqual(['backends[2].apiKey', 'auth.keys[0].key', 'auth.keys[1].key']);
  });

  it('loads the emulator config with no environment at all', () => {
    const config = loadConfig(join(examples, 'emulator.yaml'), {});
    expect(config.backends.every((b) => b.local && b.baseUrl.startsWith('http://127.0.0.1:1840'))).toBe(true);
  });

  it('reads JSON by extension and by content, YAML otherwise', () => {
    const body = { backends: [{ name: 'a', baseUrl: 'http://127.0.0.1:11434/v1', models: ['m'] }] };
    writeFileSync(join(dir, 'c.json'), JSON.stringify(body));
    writeFileSync(join(dir, 'c.conf'), JSON.stringify(body));
    writeFileSync(join(dir, 'c.yml'), 'backends:\n  - name: a\n    baseUrl: http://127.0.0.1:11434/v1\n    models: [m]\n');
    for (const f of ['c.json', 'c.conf', 'c.yml']) expect(loadConfig(join(dir, f), {}).backends[0].name).toBe('a');
  });

  it('names the file in every error', () => {
    writeFileSync(join(dir, 'bad.yaml'), 'backends: [\n');
    writeFileSync(join(dir, 'bad.json'), '{"backends": ');
    writeFileSync(join(dir, 'wrong.yaml'), 'backends: []\n');
    expect(() => loadConfig(join(dir, 'bad.yaml'), {})).toThrow(/bad\.yaml has 1 problem[\s\S]*is not valid YAML/);
    expect(() => loadConfig(join(dir, 'bad.json'), {})).toThrow(/bad\.json has 1 problem[\s\S]*is not valid JSON/);
    expect(() => loadConfig(join(dir, 'wrong.yaml'), {})).toThrow(/wrong\.yaml has 1 problem[\s\S]*backends: must list at least one backend/);
    expect(() => loadConfig(join(dir, 'absent.yaml'), {})).toThrow(/absent\.yaml has 1 problem[\s\S]*cannot read the file \(ENOENT\); check the --config path/);
  });
  it('never echoes a secret value in a shape error', () => {
    const err = (() => {
      try {
        parseConfig({ backends: [{ name: 'a', baseUrl: 'http://127.0.0.1:1/v1', models: ['m'], apiKey: 987654321 }], auth: { keys: [{ name: 'k', key: 123456789 }] } }, {});
      } catch (e) {
        return e as Error;
      }
    })();
    expect(err?.message).toMatch(/backends\[0\]\.apiKey: must be a string/);
    expect(err?.message).not.toContain('987654321');
    expect(err?.message).not.toContain('123456789');
  });
});
